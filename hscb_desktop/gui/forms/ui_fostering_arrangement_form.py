# Generated from ui/fostering_arrangement_form.ui by hscb_desktop.gui.build_forms - do not edit.
from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout, QWidget

from hscb_desktop.gui.checklist import CodeChecklist
from hscb_desktop.gui.record_form import UkDateEdit

class Ui_FosteringArrangementForm(object):
    def setupUi(self, FosteringArrangementForm):
        if not FosteringArrangementForm.objectName():
            FosteringArrangementForm.setObjectName(u"FosteringArrangementForm")
        FosteringArrangementForm.resize(1100, 680)
        self.outerLayout = QVBoxLayout(FosteringArrangementForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.formTitle = QLabel(FosteringArrangementForm)
        self.formTitle.setObjectName(u"formTitle")
        self.formTitle.setWordWrap(True)

        self.headerLayout.addWidget(self.formTitle)

        self.headerStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerStretch)

        self.openNotificationButton = QPushButton(FosteringArrangementForm)
        self.openNotificationButton.setObjectName(u"openNotificationButton")

        self.headerLayout.addWidget(self.openNotificationButton)


        self.outerLayout.addLayout(self.headerLayout)

        self.messages = QLabel(FosteringArrangementForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)

        self.outerLayout.addWidget(self.messages)

        self.scrollArea = QScrollArea(FosteringArrangementForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.contents = QWidget()
        self.contents.setObjectName(u"contents")
        self.columnsLayout = QGridLayout(self.contents)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.cell00 = QVBoxLayout()
        self.cell00.setObjectName(u"cell00")
        self.arrangementGroup = QGroupBox(self.contents)
        self.arrangementGroup.setObjectName(u"arrangementGroup")
        self.arrangementLayout = QFormLayout(self.arrangementGroup)
        self.arrangementLayout.setObjectName(u"arrangementLayout")
        self.arrangementLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.arrangementLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.start_dateLabel = QLabel(self.arrangementGroup)
        self.start_dateLabel.setObjectName(u"start_dateLabel")

        self.arrangementLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.start_dateLabel)

        self.start_date = UkDateEdit(self.arrangementGroup)
        self.start_date.setObjectName(u"start_date")
        self.start_date.setMaximumSize(QSize(130, 16777215))

        self.arrangementLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.start_date)

        self.la_aware_dateLabel = QLabel(self.arrangementGroup)
        self.la_aware_dateLabel.setObjectName(u"la_aware_dateLabel")

        self.arrangementLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.la_aware_dateLabel)

        self.la_aware_date = UkDateEdit(self.arrangementGroup)
        self.la_aware_date.setObjectName(u"la_aware_date")
        self.la_aware_date.setMaximumSize(QSize(130, 16777215))

        self.arrangementLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.la_aware_date)

        self.carer_relationshipLabel = QLabel(self.arrangementGroup)
        self.carer_relationshipLabel.setObjectName(u"carer_relationshipLabel")

        self.arrangementLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.carer_relationshipLabel)

        self.carer_relationship = QComboBox(self.arrangementGroup)
        self.carer_relationship.setObjectName(u"carer_relationship")
        self.carer_relationship.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.carer_relationship.setMinimumContentsLength(16)

        self.arrangementLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.carer_relationship)

        self.reasonsLabel = QLabel(self.arrangementGroup)
        self.reasonsLabel.setObjectName(u"reasonsLabel")

        self.arrangementLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reasonsLabel)

        self.reasons = CodeChecklist(self.arrangementGroup)
        self.reasons.setObjectName(u"reasons")

        self.arrangementLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reasons)

        self.initial_visit_dateLabel = QLabel(self.arrangementGroup)
        self.initial_visit_dateLabel.setObjectName(u"initial_visit_dateLabel")

        self.arrangementLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.initial_visit_dateLabel)

        self.initial_visit_date = UkDateEdit(self.arrangementGroup)
        self.initial_visit_date.setObjectName(u"initial_visit_date")
        self.initial_visit_date.setMaximumSize(QSize(130, 16777215))

        self.arrangementLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.initial_visit_date)


        self.cell00.addWidget(self.arrangementGroup)

        self.dueGroup = QGroupBox(self.contents)
        self.dueGroup.setObjectName(u"dueGroup")
        self.dueLayout = QVBoxLayout(self.dueGroup)
        self.dueLayout.setObjectName(u"dueLayout")
        self.dueText = QLabel(self.dueGroup)
        self.dueText.setObjectName(u"dueText")
        self.dueText.setWordWrap(True)

        self.dueLayout.addWidget(self.dueText)


        self.cell00.addWidget(self.dueGroup)

        self.notesGroup = QGroupBox(self.contents)
        self.notesGroup.setObjectName(u"notesGroup")
        self.notesLayout = QFormLayout(self.notesGroup)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.notesLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.notesLabel = QLabel(self.notesGroup)
        self.notesLabel.setObjectName(u"notesLabel")

        self.notesLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notes = QPlainTextEdit(self.notesGroup)
        self.notes.setObjectName(u"notes")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.notes.sizePolicy().hasHeightForWidth())
        self.notes.setSizePolicy(sizePolicy)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumSize(QSize(0, 44))
        self.notes.setMaximumSize(QSize(16777215, 120))

        self.notesLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.notes)


        self.cell00.addWidget(self.notesGroup)

        self.cell00Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cell00.addItem(self.cell00Stretch)


        self.columnsLayout.addLayout(self.cell00, 0, 0, 2, 1)

        self.cell01 = QVBoxLayout()
        self.cell01.setObjectName(u"cell01")
        self.checksGroup = QGroupBox(self.contents)
        self.checksGroup.setObjectName(u"checksGroup")
        self.checksLayout = QFormLayout(self.checksGroup)
        self.checksLayout.setObjectName(u"checksLayout")
        self.checksLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.checksLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dbs_carer_dateLabel = QLabel(self.checksGroup)
        self.dbs_carer_dateLabel.setObjectName(u"dbs_carer_dateLabel")

        self.checksLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dbs_carer_dateLabel)

        self.dbs_carer_date = UkDateEdit(self.checksGroup)
        self.dbs_carer_date.setObjectName(u"dbs_carer_date")
        self.dbs_carer_date.setMaximumSize(QSize(130, 16777215))

        self.checksLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dbs_carer_date)

        self.dbs_household_dateLabel = QLabel(self.checksGroup)
        self.dbs_household_dateLabel.setObjectName(u"dbs_household_dateLabel")

        self.checksLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dbs_household_dateLabel)

        self.dbs_household_date = UkDateEdit(self.checksGroup)
        self.dbs_household_date.setObjectName(u"dbs_household_date")
        self.dbs_household_date.setMaximumSize(QSize(130, 16777215))

        self.checksLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dbs_household_date)

        self.pnc_dateLabel = QLabel(self.checksGroup)
        self.pnc_dateLabel.setObjectName(u"pnc_dateLabel")

        self.checksLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pnc_dateLabel)

        self.pnc_date = UkDateEdit(self.checksGroup)
        self.pnc_date.setObjectName(u"pnc_date")
        self.pnc_date.setMaximumSize(QSize(130, 16777215))

        self.checksLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pnc_date)

        self.assessment_completed_dateLabel = QLabel(self.checksGroup)
        self.assessment_completed_dateLabel.setObjectName(u"assessment_completed_dateLabel")

        self.checksLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.assessment_completed_dateLabel)

        self.assessment_completed_date = UkDateEdit(self.checksGroup)
        self.assessment_completed_date.setObjectName(u"assessment_completed_date")
        self.assessment_completed_date.setMaximumSize(QSize(130, 16777215))

        self.checksLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.assessment_completed_date)

        self.assessment_outcomeLabel = QLabel(self.checksGroup)
        self.assessment_outcomeLabel.setObjectName(u"assessment_outcomeLabel")

        self.checksLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.assessment_outcomeLabel)

        self.assessment_outcome = QComboBox(self.checksGroup)
        self.assessment_outcome.setObjectName(u"assessment_outcome")
        self.assessment_outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.assessment_outcome.setMinimumContentsLength(16)

        self.checksLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.assessment_outcome)

        self.child_in_need_or_cpLabel = QLabel(self.checksGroup)
        self.child_in_need_or_cpLabel.setObjectName(u"child_in_need_or_cpLabel")

        self.checksLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.child_in_need_or_cpLabel)

        self.child_in_need_or_cp = QComboBox(self.checksGroup)
        self.child_in_need_or_cp.setObjectName(u"child_in_need_or_cp")
        self.child_in_need_or_cp.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.child_in_need_or_cp.setMinimumContentsLength(16)

        self.checksLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.child_in_need_or_cp)


        self.cell01.addWidget(self.checksGroup)

        self.cell01Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cell01.addItem(self.cell01Stretch)


        self.columnsLayout.addLayout(self.cell01, 0, 1, 1, 1)

        self.cell02 = QVBoxLayout()
        self.cell02.setObjectName(u"cell02")
        self.endGroup = QGroupBox(self.contents)
        self.endGroup.setObjectName(u"endGroup")
        self.endLayout = QFormLayout(self.endGroup)
        self.endLayout.setObjectName(u"endLayout")
        self.endLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.endLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.end_dateLabel = QLabel(self.endGroup)
        self.end_dateLabel.setObjectName(u"end_dateLabel")

        self.endLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.end_dateLabel)

        self.end_date = UkDateEdit(self.endGroup)
        self.end_date.setObjectName(u"end_date")
        self.end_date.setMaximumSize(QSize(130, 16777215))

        self.endLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.end_reasonLabel = QLabel(self.endGroup)
        self.end_reasonLabel.setObjectName(u"end_reasonLabel")

        self.endLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.end_reasonLabel)

        self.end_reason = QComboBox(self.endGroup)
        self.end_reason.setObjectName(u"end_reason")
        self.end_reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.end_reason.setMinimumContentsLength(16)

        self.endLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.end_reason)

        self.end_notified_byLabel = QLabel(self.endGroup)
        self.end_notified_byLabel.setObjectName(u"end_notified_byLabel")

        self.endLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.end_notified_byLabel)

        self.end_notified_by = QLineEdit(self.endGroup)
        self.end_notified_by.setObjectName(u"end_notified_by")

        self.endLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.end_notified_by)

        self.new_carer_detailsLabel = QLabel(self.endGroup)
        self.new_carer_detailsLabel.setObjectName(u"new_carer_detailsLabel")

        self.endLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.new_carer_detailsLabel)

        self.new_carer_details = QPlainTextEdit(self.endGroup)
        self.new_carer_details.setObjectName(u"new_carer_details")
        sizePolicy.setHeightForWidth(self.new_carer_details.sizePolicy().hasHeightForWidth())
        self.new_carer_details.setSizePolicy(sizePolicy)
        self.new_carer_details.setTabChangesFocus(True)
        self.new_carer_details.setMinimumSize(QSize(0, 44))
        self.new_carer_details.setMaximumSize(QSize(16777215, 60))

        self.endLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.new_carer_details)

        self.change_reasonLabel = QLabel(self.endGroup)
        self.change_reasonLabel.setObjectName(u"change_reasonLabel")

        self.endLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.change_reasonLabel)

        self.change_reason = QLineEdit(self.endGroup)
        self.change_reason.setObjectName(u"change_reason")

        self.endLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.change_reason)


        self.cell02.addWidget(self.endGroup)

        self.cell02Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cell02.addItem(self.cell02Stretch)


        self.columnsLayout.addLayout(self.cell02, 0, 2, 1, 1)

        self.cell11 = QVBoxLayout()
        self.cell11.setObjectName(u"cell11")
        self.visitsGroup = QGroupBox(self.contents)
        self.visitsGroup.setObjectName(u"visitsGroup")
        self.visitsLayout = QGridLayout(self.visitsGroup)
        self.visitsLayout.setObjectName(u"visitsLayout")
        self.visitsTable = QTableWidget(self.visitsGroup)
        self.visitsTable.setObjectName(u"visitsTable")
        self.visitsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.visitsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.visitsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.visitsTable.setTabKeyNavigation(False)
        sizePolicy.setHeightForWidth(self.visitsTable.sizePolicy().hasHeightForWidth())
        self.visitsTable.setSizePolicy(sizePolicy)
        self.visitsTable.setMinimumSize(QSize(0, 120))
        self.visitsTable.setMaximumSize(QSize(16777215, 200))
        self.visitsTable.horizontalHeader().setStretchLastSection(True)
        self.visitsTable.verticalHeader().setVisible(False)

        self.visitsLayout.addWidget(self.visitsTable, 0, 0, 1, 1)

        self.visitButtons = QVBoxLayout()
        self.visitButtons.setObjectName(u"visitButtons")
        self.addVisitButton = QPushButton(self.visitsGroup)
        self.addVisitButton.setObjectName(u"addVisitButton")

        self.visitButtons.addWidget(self.addVisitButton)

        self.editVisitButton = QPushButton(self.visitsGroup)
        self.editVisitButton.setObjectName(u"editVisitButton")

        self.visitButtons.addWidget(self.editVisitButton)

        self.deleteVisitButton = QPushButton(self.visitsGroup)
        self.deleteVisitButton.setObjectName(u"deleteVisitButton")

        self.visitButtons.addWidget(self.deleteVisitButton)

        self.visitButtonsStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.visitButtons.addItem(self.visitButtonsStretch)


        self.visitsLayout.addLayout(self.visitButtons, 0, 1, 1, 1)

        self.visitMessage = QLabel(self.visitsGroup)
        self.visitMessage.setObjectName(u"visitMessage")
        self.visitMessage.setWordWrap(True)

        self.visitsLayout.addWidget(self.visitMessage, 1, 0, 1, 2)


        self.cell11.addWidget(self.visitsGroup)

        self.cell11Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cell11.addItem(self.cell11Stretch)


        self.columnsLayout.addLayout(self.cell11, 1, 1, 1, 2)

        self.columnsLayout.setColumnStretch(0, 5)
        self.columnsLayout.setColumnStretch(1, 4)
        self.columnsLayout.setColumnStretch(2, 4)
        self.scrollArea.setWidget(self.contents)

        self.outerLayout.addWidget(self.scrollArea)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.backButton = QPushButton(FosteringArrangementForm)
        self.backButton.setObjectName(u"backButton")

        self.buttonLayout.addWidget(self.backButton)

        self.buttonLayoutStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonLayoutStretch)

        self.saveButton = QPushButton(FosteringArrangementForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.saveCloseButton = QPushButton(FosteringArrangementForm)
        self.saveCloseButton.setObjectName(u"saveCloseButton")

        self.buttonLayout.addWidget(self.saveCloseButton)


        self.outerLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.start_dateLabel.setBuddy(self.start_date)
        self.la_aware_dateLabel.setBuddy(self.la_aware_date)
        self.carer_relationshipLabel.setBuddy(self.carer_relationship)
        self.reasonsLabel.setBuddy(self.reasons)
        self.initial_visit_dateLabel.setBuddy(self.initial_visit_date)
        self.notesLabel.setBuddy(self.notes)
        self.dbs_carer_dateLabel.setBuddy(self.dbs_carer_date)
        self.dbs_household_dateLabel.setBuddy(self.dbs_household_date)
        self.pnc_dateLabel.setBuddy(self.pnc_date)
        self.assessment_completed_dateLabel.setBuddy(self.assessment_completed_date)
        self.assessment_outcomeLabel.setBuddy(self.assessment_outcome)
        self.child_in_need_or_cpLabel.setBuddy(self.child_in_need_or_cp)
        self.end_dateLabel.setBuddy(self.end_date)
        self.end_reasonLabel.setBuddy(self.end_reason)
        self.end_notified_byLabel.setBuddy(self.end_notified_by)
        self.new_carer_detailsLabel.setBuddy(self.new_carer_details)
        self.change_reasonLabel.setBuddy(self.change_reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.start_date, self.la_aware_date)
        QWidget.setTabOrder(self.la_aware_date, self.carer_relationship)
        QWidget.setTabOrder(self.carer_relationship, self.reasons)
        QWidget.setTabOrder(self.reasons, self.initial_visit_date)
        QWidget.setTabOrder(self.initial_visit_date, self.dbs_carer_date)
        QWidget.setTabOrder(self.dbs_carer_date, self.dbs_household_date)
        QWidget.setTabOrder(self.dbs_household_date, self.pnc_date)
        QWidget.setTabOrder(self.pnc_date, self.assessment_completed_date)
        QWidget.setTabOrder(self.assessment_completed_date, self.assessment_outcome)
        QWidget.setTabOrder(self.assessment_outcome, self.child_in_need_or_cp)
        QWidget.setTabOrder(self.child_in_need_or_cp, self.end_date)
        QWidget.setTabOrder(self.end_date, self.end_reason)
        QWidget.setTabOrder(self.end_reason, self.end_notified_by)
        QWidget.setTabOrder(self.end_notified_by, self.new_carer_details)
        QWidget.setTabOrder(self.new_carer_details, self.change_reason)
        QWidget.setTabOrder(self.change_reason, self.visitsTable)
        QWidget.setTabOrder(self.visitsTable, self.addVisitButton)
        QWidget.setTabOrder(self.addVisitButton, self.editVisitButton)
        QWidget.setTabOrder(self.editVisitButton, self.deleteVisitButton)
        QWidget.setTabOrder(self.deleteVisitButton, self.notes)
        QWidget.setTabOrder(self.notes, self.openNotificationButton)
        QWidget.setTabOrder(self.openNotificationButton, self.backButton)
        QWidget.setTabOrder(self.backButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.saveCloseButton)

        self.retranslateUi(FosteringArrangementForm)

        QMetaObject.connectSlotsByName(FosteringArrangementForm)
    # setupUi

    def retranslateUi(self, FosteringArrangementForm):
        FosteringArrangementForm.setWindowTitle(QCoreApplication.translate("FosteringArrangementForm", u"Private fostering arrangement", None))
        self.formTitle.setText(QCoreApplication.translate("FosteringArrangementForm", u"Private fostering arrangement", None))
#if QT_CONFIG(accessibility)
        self.formTitle.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Form title", None))
#endif // QT_CONFIG(accessibility)
        self.openNotificationButton.setText(QCoreApplication.translate("FosteringArrangementForm", u"Child and &carer details\u2026", None))
#if QT_CONFIG(tooltip)
        self.openNotificationButton.setToolTip(QCoreApplication.translate("FosteringArrangementForm", u"Open the notification: the child's identity and the carer", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.messages.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Problems with this record", None))
#endif // QT_CONFIG(accessibility)
        self.arrangementGroup.setTitle(QCoreApplication.translate("FosteringArrangementForm", u"Arrangement", None))
        self.start_dateLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"Star&ted", None))
#if QT_CONFIG(accessibility)
        self.start_date.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Date the arrangement started", None))
#endif // QT_CONFIG(accessibility)
        self.start_date.setPlaceholderText(QCoreApplication.translate("FosteringArrangementForm", u"dd/mm/yyyy", None))
        self.la_aware_dateLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"Authority a&ware", None))
#if QT_CONFIG(accessibility)
        self.la_aware_date.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Date the authority became aware", None))
#endif // QT_CONFIG(accessibility)
        self.la_aware_date.setPlaceholderText(QCoreApplication.translate("FosteringArrangementForm", u"dd/mm/yyyy", None))
        self.carer_relationshipLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"Carer's relations&hip", None))
#if QT_CONFIG(accessibility)
        self.carer_relationship.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Carer's relationship to the child", None))
#endif // QT_CONFIG(accessibility)
        self.reasonsLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"&Reasons", None))
#if QT_CONFIG(accessibility)
        self.reasons.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Reasons for the arrangement", None))
#endif // QT_CONFIG(accessibility)
        self.initial_visit_dateLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"Initial visit", None))
#if QT_CONFIG(accessibility)
        self.initial_visit_date.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Date of the initial statutory visit", None))
#endif // QT_CONFIG(accessibility)
        self.initial_visit_date.setPlaceholderText(QCoreApplication.translate("FosteringArrangementForm", u"dd/mm/yyyy", None))
        self.initial_visit_date.setPlaceholderText(QCoreApplication.translate("FosteringArrangementForm", u"Set by the first visit", None))
        self.dueGroup.setTitle(QCoreApplication.translate("FosteringArrangementForm", u"What is due", None))
#if QT_CONFIG(accessibility)
        self.dueText.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"What is due for this arrangement", None))
#endif // QT_CONFIG(accessibility)
        self.dueText.setText("")
        self.notesGroup.setTitle(QCoreApplication.translate("FosteringArrangementForm", u"Notes", None))
        self.notesLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"Notes", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.checksGroup.setTitle(QCoreApplication.translate("FosteringArrangementForm", u"Checks and assessment", None))
        self.dbs_carer_dateLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"&DBS (carer)", None))
#if QT_CONFIG(accessibility)
        self.dbs_carer_date.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"DBS check of the carer", None))
#endif // QT_CONFIG(accessibility)
        self.dbs_carer_date.setPlaceholderText(QCoreApplication.translate("FosteringArrangementForm", u"dd/mm/yyyy", None))
        self.dbs_household_dateLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"DBS (household)", None))
#if QT_CONFIG(accessibility)
        self.dbs_household_date.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"DBS checks of the household", None))
#endif // QT_CONFIG(accessibility)
        self.dbs_household_date.setPlaceholderText(QCoreApplication.translate("FosteringArrangementForm", u"dd/mm/yyyy", None))
        self.pnc_dateLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"&PNC check", None))
#if QT_CONFIG(accessibility)
        self.pnc_date.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Police national computer check", None))
#endif // QT_CONFIG(accessibility)
        self.pnc_date.setPlaceholderText(QCoreApplication.translate("FosteringArrangementForm", u"dd/mm/yyyy", None))
        self.assessment_completed_dateLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"Assess&ment done", None))
#if QT_CONFIG(accessibility)
        self.assessment_completed_date.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Date the assessment was completed", None))
#endif // QT_CONFIG(accessibility)
        self.assessment_completed_date.setPlaceholderText(QCoreApplication.translate("FosteringArrangementForm", u"dd/mm/yyyy", None))
        self.assessment_outcomeLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"Assessment &outcome", None))
#if QT_CONFIG(accessibility)
        self.assessment_outcome.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Outcome of the assessment", None))
#endif // QT_CONFIG(accessibility)
        self.child_in_need_or_cpLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"CI&N / CP", None))
#if QT_CONFIG(accessibility)
        self.child_in_need_or_cp.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Child in need or child protection", None))
#endif // QT_CONFIG(accessibility)
        self.endGroup.setTitle(QCoreApplication.translate("FosteringArrangementForm", u"End of the arrangement", None))
        self.end_dateLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"&Ended", None))
#if QT_CONFIG(accessibility)
        self.end_date.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Date the arrangement ended", None))
#endif // QT_CONFIG(accessibility)
        self.end_date.setPlaceholderText(QCoreApplication.translate("FosteringArrangementForm", u"dd/mm/yyyy", None))
        self.end_reasonLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"End reason", None))
#if QT_CONFIG(accessibility)
        self.end_reason.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Why the arrangement ended", None))
#endif // QT_CONFIG(accessibility)
        self.end_notified_byLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"Told &us", None))
#if QT_CONFIG(accessibility)
        self.end_notified_by.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Who told us it ended", None))
#endif // QT_CONFIG(accessibility)
        self.new_carer_detailsLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"New carer", None))
#if QT_CONFIG(accessibility)
        self.new_carer_details.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Details of the new carer", None))
#endif // QT_CONFIG(accessibility)
        self.change_reasonLabel.setText(QCoreApplication.translate("FosteringArrangementForm", u"Reason for chan&ge", None))
#if QT_CONFIG(accessibility)
        self.change_reason.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Reason for changing an ended arrangement", None))
#endif // QT_CONFIG(accessibility)
        self.visitsGroup.setTitle(QCoreApplication.translate("FosteringArrangementForm", u"Visits", None))
#if QT_CONFIG(accessibility)
        self.visitsTable.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Visits", None))
#endif // QT_CONFIG(accessibility)
        self.addVisitButton.setText(QCoreApplication.translate("FosteringArrangementForm", u"Add &visit\u2026", None))
#if QT_CONFIG(tooltip)
        self.addVisitButton.setToolTip(QCoreApplication.translate("FosteringArrangementForm", u"Record a visit (Alt+V)", None))
#endif // QT_CONFIG(tooltip)
        self.editVisitButton.setText(QCoreApplication.translate("FosteringArrangementForm", u"Ed&it visit\u2026", None))
#if QT_CONFIG(tooltip)
        self.editVisitButton.setToolTip(QCoreApplication.translate("FosteringArrangementForm", u"Change the selected visit (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.deleteVisitButton.setText(QCoreApplication.translate("FosteringArrangementForm", u"Delete visit\u2026", None))
#if QT_CONFIG(tooltip)
        self.deleteVisitButton.setToolTip(QCoreApplication.translate("FosteringArrangementForm", u"Delete the selected visit (Delete)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.visitMessage.setAccessibleName(QCoreApplication.translate("FosteringArrangementForm", u"Visits message", None))
#endif // QT_CONFIG(accessibility)
        self.visitMessage.setText("")
        self.backButton.setText(QCoreApplication.translate("FosteringArrangementForm", u"&Back to list", None))
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("FosteringArrangementForm", u"Return to the list (Esc)", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("FosteringArrangementForm", u"&Save", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("FosteringArrangementForm", u"Save and stay on this record (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveCloseButton.setText(QCoreApplication.translate("FosteringArrangementForm", u"Save and c&lose", None))
#if QT_CONFIG(tooltip)
        self.saveCloseButton.setToolTip(QCoreApplication.translate("FosteringArrangementForm", u"Save and return to the list (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

