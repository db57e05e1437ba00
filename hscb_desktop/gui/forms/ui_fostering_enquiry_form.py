# Generated from ui/fostering_enquiry_form.ui by hscb_desktop.gui.build_forms - do not edit.
from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from hscb_desktop.gui.record_form import UkDateEdit

class Ui_FosteringEnquiryForm(object):
    def setupUi(self, FosteringEnquiryForm):
        if not FosteringEnquiryForm.objectName():
            FosteringEnquiryForm.setObjectName(u"FosteringEnquiryForm")
        FosteringEnquiryForm.resize(1000, 520)
        self.outerLayout = QVBoxLayout(FosteringEnquiryForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.formTitle = QLabel(FosteringEnquiryForm)
        self.formTitle.setObjectName(u"formTitle")
        self.formTitle.setWordWrap(True)

        self.headerLayout.addWidget(self.formTitle)

        self.headerStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerStretch)


        self.outerLayout.addLayout(self.headerLayout)

        self.messages = QLabel(FosteringEnquiryForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)

        self.outerLayout.addWidget(self.messages)

        self.scrollArea = QScrollArea(FosteringEnquiryForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.contents = QWidget()
        self.contents.setObjectName(u"contents")
        self.columnsLayout = QGridLayout(self.contents)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.cell00 = QVBoxLayout()
        self.cell00.setObjectName(u"cell00")
        self.enquiryGroup = QGroupBox(self.contents)
        self.enquiryGroup.setObjectName(u"enquiryGroup")
        self.enquiryLayout = QFormLayout(self.enquiryGroup)
        self.enquiryLayout.setObjectName(u"enquiryLayout")
        self.enquiryLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.enquiryLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.refLabel = QLabel(self.enquiryGroup)
        self.refLabel.setObjectName(u"refLabel")

        self.enquiryLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.refLabel)

        self.ref = QLineEdit(self.enquiryGroup)
        self.ref.setObjectName(u"ref")
        self.ref.setReadOnly(True)

        self.enquiryLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ref)

        self.date_receivedLabel = QLabel(self.enquiryGroup)
        self.date_receivedLabel.setObjectName(u"date_receivedLabel")

        self.enquiryLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.date_receivedLabel)

        self.date_received = UkDateEdit(self.enquiryGroup)
        self.date_received.setObjectName(u"date_received")
        self.date_received.setMaximumSize(QSize(130, 16777215))

        self.enquiryLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.date_received)

        self.enquirer_typeLabel = QLabel(self.enquiryGroup)
        self.enquirer_typeLabel.setObjectName(u"enquirer_typeLabel")

        self.enquiryLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.enquirer_typeLabel)

        self.enquirer_type = QComboBox(self.enquiryGroup)
        self.enquirer_type.setObjectName(u"enquirer_type")
        self.enquirer_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.enquirer_type.setMinimumContentsLength(16)

        self.enquiryLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.enquirer_type)

        self.enquirer_nameLabel = QLabel(self.enquiryGroup)
        self.enquirer_nameLabel.setObjectName(u"enquirer_nameLabel")

        self.enquiryLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.enquirer_nameLabel)

        self.enquirer_name = QLineEdit(self.enquiryGroup)
        self.enquirer_name.setObjectName(u"enquirer_name")

        self.enquiryLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.enquirer_name)


        self.cell00.addWidget(self.enquiryGroup)

        self.cell00Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cell00.addItem(self.cell00Stretch)


        self.columnsLayout.addLayout(self.cell00, 0, 0, 1, 1)

        self.cell01 = QVBoxLayout()
        self.cell01.setObjectName(u"cell01")
        self.outcomeGroup = QGroupBox(self.contents)
        self.outcomeGroup.setObjectName(u"outcomeGroup")
        self.outcomeLayout = QFormLayout(self.outcomeGroup)
        self.outcomeLayout.setObjectName(u"outcomeLayout")
        self.outcomeLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.outcomeLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.outcomeLabel = QLabel(self.outcomeGroup)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.outcomeLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcome = QComboBox(self.outcomeGroup)
        self.outcome.setObjectName(u"outcome")
        self.outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.outcome.setMinimumContentsLength(16)

        self.outcomeLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcome)

        self.not_pf_reasonLabel = QLabel(self.outcomeGroup)
        self.not_pf_reasonLabel.setObjectName(u"not_pf_reasonLabel")

        self.outcomeLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.not_pf_reasonLabel)

        self.not_pf_reason = QComboBox(self.outcomeGroup)
        self.not_pf_reason.setObjectName(u"not_pf_reason")
        self.not_pf_reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.not_pf_reason.setMinimumContentsLength(16)

        self.outcomeLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.not_pf_reason)

        self.other_la_nameLabel = QLabel(self.outcomeGroup)
        self.other_la_nameLabel.setObjectName(u"other_la_nameLabel")

        self.outcomeLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.other_la_nameLabel)

        self.other_la_name = QLineEdit(self.outcomeGroup)
        self.other_la_name.setObjectName(u"other_la_name")

        self.outcomeLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.other_la_name)

        self.notificationText = QLabel(self.outcomeGroup)
        self.notificationText.setObjectName(u"notificationText")
        self.notificationText.setWordWrap(True)

        self.outcomeLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.notificationText)

        self.notificationButtons = QHBoxLayout()
        self.notificationButtons.setObjectName(u"notificationButtons")
        self.notificationButtonsStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.notificationButtons.addItem(self.notificationButtonsStretch)

        self.openNotificationButton = QPushButton(self.outcomeGroup)
        self.openNotificationButton.setObjectName(u"openNotificationButton")

        self.notificationButtons.addWidget(self.openNotificationButton)


        self.outcomeLayout.setLayout(4, QFormLayout.ItemRole.SpanningRole, self.notificationButtons)

        self.notesLabel = QLabel(self.outcomeGroup)
        self.notesLabel.setObjectName(u"notesLabel")

        self.outcomeLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notes = QPlainTextEdit(self.outcomeGroup)
        self.notes.setObjectName(u"notes")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.notes.sizePolicy().hasHeightForWidth())
        self.notes.setSizePolicy(sizePolicy)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumSize(QSize(0, 44))
        self.notes.setMaximumSize(QSize(16777215, 120))

        self.outcomeLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notes)


        self.cell01.addWidget(self.outcomeGroup)

        self.cell01Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cell01.addItem(self.cell01Stretch)


        self.columnsLayout.addLayout(self.cell01, 0, 1, 1, 1)

        self.columnsLayout.setColumnStretch(0, 1)
        self.columnsLayout.setColumnStretch(1, 1)
        self.scrollArea.setWidget(self.contents)

        self.outerLayout.addWidget(self.scrollArea)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.backButton = QPushButton(FosteringEnquiryForm)
        self.backButton.setObjectName(u"backButton")

        self.buttonLayout.addWidget(self.backButton)

        self.makeNotificationButton = QPushButton(FosteringEnquiryForm)
        self.makeNotificationButton.setObjectName(u"makeNotificationButton")

        self.buttonLayout.addWidget(self.makeNotificationButton)

        self.buttonLayoutStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonLayoutStretch)

        self.saveButton = QPushButton(FosteringEnquiryForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.saveCloseButton = QPushButton(FosteringEnquiryForm)
        self.saveCloseButton.setObjectName(u"saveCloseButton")

        self.buttonLayout.addWidget(self.saveCloseButton)


        self.outerLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.refLabel.setBuddy(self.ref)
        self.date_receivedLabel.setBuddy(self.date_received)
        self.enquirer_typeLabel.setBuddy(self.enquirer_type)
        self.enquirer_nameLabel.setBuddy(self.enquirer_name)
        self.outcomeLabel.setBuddy(self.outcome)
        self.not_pf_reasonLabel.setBuddy(self.not_pf_reason)
        self.other_la_nameLabel.setBuddy(self.other_la_name)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.date_received, self.enquirer_type)
        QWidget.setTabOrder(self.enquirer_type, self.enquirer_name)
        QWidget.setTabOrder(self.enquirer_name, self.outcome)
        QWidget.setTabOrder(self.outcome, self.not_pf_reason)
        QWidget.setTabOrder(self.not_pf_reason, self.other_la_name)
        QWidget.setTabOrder(self.other_la_name, self.openNotificationButton)
        QWidget.setTabOrder(self.openNotificationButton, self.notes)
        QWidget.setTabOrder(self.notes, self.ref)
        QWidget.setTabOrder(self.ref, self.backButton)
        QWidget.setTabOrder(self.backButton, self.makeNotificationButton)
        QWidget.setTabOrder(self.makeNotificationButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.saveCloseButton)

        self.retranslateUi(FosteringEnquiryForm)

        QMetaObject.connectSlotsByName(FosteringEnquiryForm)
    # setupUi

    def retranslateUi(self, FosteringEnquiryForm):
        FosteringEnquiryForm.setWindowTitle(QCoreApplication.translate("FosteringEnquiryForm", u"Private fostering enquiry", None))
        self.formTitle.setText(QCoreApplication.translate("FosteringEnquiryForm", u"Private fostering enquiry", None))
#if QT_CONFIG(accessibility)
        self.formTitle.setAccessibleName(QCoreApplication.translate("FosteringEnquiryForm", u"Form title", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messages.setAccessibleName(QCoreApplication.translate("FosteringEnquiryForm", u"Problems with this record", None))
#endif // QT_CONFIG(accessibility)
        self.enquiryGroup.setTitle(QCoreApplication.translate("FosteringEnquiryForm", u"Enquiry", None))
        self.refLabel.setText(QCoreApplication.translate("FosteringEnquiryForm", u"Reference", None))
#if QT_CONFIG(accessibility)
        self.ref.setAccessibleName(QCoreApplication.translate("FosteringEnquiryForm", u"Reference", None))
#endif // QT_CONFIG(accessibility)
        self.ref.setPlaceholderText(QCoreApplication.translate("FosteringEnquiryForm", u"Given when first saved", None))
        self.date_receivedLabel.setText(QCoreApplication.translate("FosteringEnquiryForm", u"Date &received", None))
#if QT_CONFIG(accessibility)
        self.date_received.setAccessibleName(QCoreApplication.translate("FosteringEnquiryForm", u"Date received", None))
#endif // QT_CONFIG(accessibility)
        self.date_received.setPlaceholderText(QCoreApplication.translate("FosteringEnquiryForm", u"dd/mm/yyyy", None))
        self.enquirer_typeLabel.setText(QCoreApplication.translate("FosteringEnquiryForm", u"&Enquirer", None))
#if QT_CONFIG(accessibility)
        self.enquirer_type.setAccessibleName(QCoreApplication.translate("FosteringEnquiryForm", u"Who made the enquiry", None))
#endif // QT_CONFIG(accessibility)
        self.enquirer_nameLabel.setText(QCoreApplication.translate("FosteringEnquiryForm", u"Enquirer's na&me", None))
#if QT_CONFIG(accessibility)
        self.enquirer_name.setAccessibleName(QCoreApplication.translate("FosteringEnquiryForm", u"Enquirer's name", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeGroup.setTitle(QCoreApplication.translate("FosteringEnquiryForm", u"Outcome", None))
        self.outcomeLabel.setText(QCoreApplication.translate("FosteringEnquiryForm", u"&Outcome", None))
#if QT_CONFIG(accessibility)
        self.outcome.setAccessibleName(QCoreApplication.translate("FosteringEnquiryForm", u"Outcome of the enquiry", None))
#endif // QT_CONFIG(accessibility)
        self.not_pf_reasonLabel.setText(QCoreApplication.translate("FosteringEnquiryForm", u"&Why not private fostering", None))
#if QT_CONFIG(accessibility)
        self.not_pf_reason.setAccessibleName(QCoreApplication.translate("FosteringEnquiryForm", u"Why it is not private fostering", None))
#endif // QT_CONFIG(accessibility)
        self.other_la_nameLabel.setText(QCoreApplication.translate("FosteringEnquiryForm", u"Referred to aut&hority", None))
#if QT_CONFIG(accessibility)
        self.other_la_name.setAccessibleName(QCoreApplication.translate("FosteringEnquiryForm", u"Local authority the enquiry was referred to", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.notificationText.setAccessibleName(QCoreApplication.translate("FosteringEnquiryForm", u"The notification this enquiry became", None))
#endif // QT_CONFIG(accessibility)
        self.notificationText.setText("")
        self.openNotificationButton.setText(QCoreApplication.translate("FosteringEnquiryForm", u"Open the notificat&ion", None))
#if QT_CONFIG(tooltip)
        self.openNotificationButton.setToolTip(QCoreApplication.translate("FosteringEnquiryForm", u"Open the notification", None))
#endif // QT_CONFIG(tooltip)
        self.notesLabel.setText(QCoreApplication.translate("FosteringEnquiryForm", u"No&tes", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("FosteringEnquiryForm", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.backButton.setText(QCoreApplication.translate("FosteringEnquiryForm", u"&Back to list", None))
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("FosteringEnquiryForm", u"Return to the list (Esc)", None))
#endif // QT_CONFIG(tooltip)
        self.makeNotificationButton.setText(QCoreApplication.translate("FosteringEnquiryForm", u"Make a &notification\u2026", None))
#if QT_CONFIG(tooltip)
        self.makeNotificationButton.setToolTip(QCoreApplication.translate("FosteringEnquiryForm", u"Record the notification this enquiry led to", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("FosteringEnquiryForm", u"&Save", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("FosteringEnquiryForm", u"Save and stay on this record (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveCloseButton.setText(QCoreApplication.translate("FosteringEnquiryForm", u"Save and c&lose", None))
#if QT_CONFIG(tooltip)
        self.saveCloseButton.setToolTip(QCoreApplication.translate("FosteringEnquiryForm", u"Save and return to the list (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

