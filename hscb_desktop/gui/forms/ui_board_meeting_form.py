# Generated from ui/board_meeting_form.ui by hscb_desktop.gui.build_forms - do not edit.
from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from hscb_desktop.gui.board_grid import AttendanceView
from hscb_desktop.gui.record_form import UkDateEdit

class Ui_BoardMeetingForm(object):
    def setupUi(self, BoardMeetingForm):
        if not BoardMeetingForm.objectName():
            BoardMeetingForm.setObjectName(u"BoardMeetingForm")
        BoardMeetingForm.resize(1100, 640)
        self.outerLayout = QVBoxLayout(BoardMeetingForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.formTitle = QLabel(BoardMeetingForm)
        self.formTitle.setObjectName(u"formTitle")

        self.headerLayout.addWidget(self.formTitle)

        self.headerStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerStretch)

        self.backButton = QPushButton(BoardMeetingForm)
        self.backButton.setObjectName(u"backButton")

        self.headerLayout.addWidget(self.backButton)


        self.outerLayout.addLayout(self.headerLayout)

        self.messages = QLabel(BoardMeetingForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)

        self.outerLayout.addWidget(self.messages)

        self.fieldsLayout = QHBoxLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.dateLabel = QLabel(BoardMeetingForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.fieldsLayout.addWidget(self.dateLabel)

        self.meeting_date = UkDateEdit(BoardMeetingForm)
        self.meeting_date.setObjectName(u"meeting_date")
        self.meeting_date.setMaximumSize(QSize(110, 16777215))

        self.fieldsLayout.addWidget(self.meeting_date)

        self.typeLabel = QLabel(BoardMeetingForm)
        self.typeLabel.setObjectName(u"typeLabel")

        self.fieldsLayout.addWidget(self.typeLabel)

        self.meeting_type = QComboBox(BoardMeetingForm)
        self.meeting_type.setObjectName(u"meeting_type")

        self.fieldsLayout.addWidget(self.meeting_type)

        self.notesLabel = QLabel(BoardMeetingForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.fieldsLayout.addWidget(self.notesLabel)

        self.notes = QLineEdit(BoardMeetingForm)
        self.notes.setObjectName(u"notes")

        self.fieldsLayout.addWidget(self.notes)


        self.outerLayout.addLayout(self.fieldsLayout)

        self.meeting_dateProblem = QLabel(BoardMeetingForm)
        self.meeting_dateProblem.setObjectName(u"meeting_dateProblem")
        self.meeting_dateProblem.setWordWrap(True)

        self.outerLayout.addWidget(self.meeting_dateProblem)

        self.meeting_typeProblem = QLabel(BoardMeetingForm)
        self.meeting_typeProblem.setObjectName(u"meeting_typeProblem")
        self.meeting_typeProblem.setWordWrap(True)

        self.outerLayout.addWidget(self.meeting_typeProblem)

        self.notesProblem = QLabel(BoardMeetingForm)
        self.notesProblem.setObjectName(u"notesProblem")
        self.notesProblem.setWordWrap(True)

        self.outerLayout.addWidget(self.notesProblem)

        self.keysText = QLabel(BoardMeetingForm)
        self.keysText.setObjectName(u"keysText")
        self.keysText.setWordWrap(True)

        self.outerLayout.addWidget(self.keysText)

        self.grid = AttendanceView(BoardMeetingForm)
        self.grid.setObjectName(u"grid")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.grid.sizePolicy().hasHeightForWidth())
        self.grid.setSizePolicy(sizePolicy)

        self.outerLayout.addWidget(self.grid)

        self.hintText = QLabel(BoardMeetingForm)
        self.hintText.setObjectName(u"hintText")
        self.hintText.setWordWrap(True)

        self.outerLayout.addWidget(self.hintText)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.quorumText = QLabel(BoardMeetingForm)
        self.quorumText.setObjectName(u"quorumText")

        self.footerLayout.addWidget(self.quorumText)

        self.filledText = QLabel(BoardMeetingForm)
        self.filledText.setObjectName(u"filledText")

        self.footerLayout.addWidget(self.filledText)

        self.footerStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerLayout.addItem(self.footerStretch)

        self.saveButton = QPushButton(BoardMeetingForm)
        self.saveButton.setObjectName(u"saveButton")

        self.footerLayout.addWidget(self.saveButton)

        self.saveCloseButton = QPushButton(BoardMeetingForm)
        self.saveCloseButton.setObjectName(u"saveCloseButton")

        self.footerLayout.addWidget(self.saveCloseButton)


        self.outerLayout.addLayout(self.footerLayout)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.meeting_date)
        self.typeLabel.setBuddy(self.meeting_type)
        self.notesLabel.setBuddy(self.notes)
        self.keysText.setBuddy(self.grid)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.meeting_date, self.meeting_type)
        QWidget.setTabOrder(self.meeting_type, self.notes)
        QWidget.setTabOrder(self.notes, self.grid)
        QWidget.setTabOrder(self.grid, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.saveCloseButton)
        QWidget.setTabOrder(self.saveCloseButton, self.backButton)

        self.retranslateUi(BoardMeetingForm)

        QMetaObject.connectSlotsByName(BoardMeetingForm)
    # setupUi

    def retranslateUi(self, BoardMeetingForm):
        BoardMeetingForm.setWindowTitle(QCoreApplication.translate("BoardMeetingForm", u"Board meeting", None))
        self.formTitle.setText(QCoreApplication.translate("BoardMeetingForm", u"New Board meeting", None))
#if QT_CONFIG(accessibility)
        self.formTitle.setAccessibleName(QCoreApplication.translate("BoardMeetingForm", u"Form title", None))
#endif // QT_CONFIG(accessibility)
        self.backButton.setText(QCoreApplication.translate("BoardMeetingForm", u"&Back to meetings", None))
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("BoardMeetingForm", u"Back to the list of meetings (Esc)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.messages.setAccessibleName(QCoreApplication.translate("BoardMeetingForm", u"Problems with this meeting", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("BoardMeetingForm", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.meeting_date.setAccessibleName(QCoreApplication.translate("BoardMeetingForm", u"Meeting date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.meeting_date.setToolTip(QCoreApplication.translate("BoardMeetingForm", u"The date of the meeting, dd/mm/yyyy: the grid lists the seats active that day", None))
#endif // QT_CONFIG(tooltip)
        self.typeLabel.setText(QCoreApplication.translate("BoardMeetingForm", u"Meeting ty&pe", None))
#if QT_CONFIG(accessibility)
        self.meeting_type.setAccessibleName(QCoreApplication.translate("BoardMeetingForm", u"Meeting type", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("BoardMeetingForm", u"N&otes", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("BoardMeetingForm", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.keysText.setText(QCoreApplication.translate("BoardMeetingForm", u"Grid &keys", None))
#if QT_CONFIG(accessibility)
        self.keysText.setAccessibleName(QCoreApplication.translate("BoardMeetingForm", u"Keys for the grid", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.hintText.setAccessibleName(QCoreApplication.translate("BoardMeetingForm", u"Why the key did nothing", None))
#endif // QT_CONFIG(accessibility)
        self.quorumText.setText(QCoreApplication.translate("BoardMeetingForm", u"Quorum", None))
#if QT_CONFIG(accessibility)
        self.quorumText.setAccessibleName(QCoreApplication.translate("BoardMeetingForm", u"Quorum", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.filledText.setAccessibleName(QCoreApplication.translate("BoardMeetingForm", u"Seats recorded", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("BoardMeetingForm", u"Save", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("BoardMeetingForm", u"Save the meeting and its attendance (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveCloseButton.setText(QCoreApplication.translate("BoardMeetingForm", u"Save and &close", None))
#if QT_CONFIG(tooltip)
        self.saveCloseButton.setToolTip(QCoreApplication.translate("BoardMeetingForm", u"Save, then back to the list of meetings (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

