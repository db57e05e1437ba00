# Generated from ui/fostering_notification_form.ui by hscb_desktop.gui.build_forms - do not edit.
from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget

from hscb_desktop.gui.record_form import UkDateEdit

class Ui_FosteringNotificationForm(object):
    def setupUi(self, FosteringNotificationForm):
        if not FosteringNotificationForm.objectName():
            FosteringNotificationForm.setObjectName(u"FosteringNotificationForm")
        FosteringNotificationForm.resize(1100, 680)
        self.outerLayout = QVBoxLayout(FosteringNotificationForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.formTitle = QLabel(FosteringNotificationForm)
        self.formTitle.setObjectName(u"formTitle")
        self.formTitle.setWordWrap(True)

        self.headerLayout.addWidget(self.formTitle)

        self.headerStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerStretch)

        self.openEnquiryButton = QPushButton(FosteringNotificationForm)
        self.openEnquiryButton.setObjectName(u"openEnquiryButton")

        self.headerLayout.addWidget(self.openEnquiryButton)


        self.outerLayout.addLayout(self.headerLayout)

        self.messages = QLabel(FosteringNotificationForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)

        self.outerLayout.addWidget(self.messages)

        self.scrollArea = QScrollArea(FosteringNotificationForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.contents = QWidget()
        self.contents.setObjectName(u"contents")
        self.columnsLayout = QGridLayout(self.contents)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.cell00 = QVBoxLayout()
        self.cell00.setObjectName(u"cell00")
        self.notificationGroup = QGroupBox(self.contents)
        self.notificationGroup.setObjectName(u"notificationGroup")
        self.notificationLayout = QFormLayout(self.notificationGroup)
        self.notificationLayout.setObjectName(u"notificationLayout")
        self.notificationLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.notificationLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.refLabel = QLabel(self.notificationGroup)
        self.refLabel.setObjectName(u"refLabel")

        self.notificationLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.refLabel)

        self.ref = QLineEdit(self.notificationGroup)
        self.ref.setObjectName(u"ref")
        self.ref.setReadOnly(True)

        self.notificationLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ref)

        self.notification_typeLabel = QLabel(self.notificationGroup)
        self.notification_typeLabel.setObjectName(u"notification_typeLabel")

        self.notificationLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.notification_typeLabel)

        self.notification_type = QComboBox(self.notificationGroup)
        self.notification_type.setObjectName(u"notification_type")
        self.notification_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.notification_type.setMinimumContentsLength(16)

        self.notificationLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.notification_type)

        self.notifier_typeLabel = QLabel(self.notificationGroup)
        self.notifier_typeLabel.setObjectName(u"notifier_typeLabel")

        self.notificationLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.notifier_typeLabel)

        self.notifier_type = QComboBox(self.notificationGroup)
        self.notifier_type.setObjectName(u"notifier_type")
        self.notifier_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.notifier_type.setMinimumContentsLength(16)

        self.notificationLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.notifier_type)

        self.date_receivedLabel = QLabel(self.notificationGroup)
        self.date_receivedLabel.setObjectName(u"date_receivedLabel")

        self.notificationLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.date_receivedLabel)

        self.date_received = UkDateEdit(self.notificationGroup)
        self.date_received.setObjectName(u"date_received")
        self.date_received.setMaximumSize(QSize(130, 16777215))

        self.notificationLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.date_received)

        self.intended_start_dateLabel = QLabel(self.notificationGroup)
        self.intended_start_dateLabel.setObjectName(u"intended_start_dateLabel")

        self.notificationLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.intended_start_dateLabel)

        self.intended_start_date = UkDateEdit(self.notificationGroup)
        self.intended_start_date.setObjectName(u"intended_start_date")
        self.intended_start_date.setMaximumSize(QSize(130, 16777215))

        self.notificationLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.intended_start_date)

        self.intended_duration_daysLabel = QLabel(self.notificationGroup)
        self.intended_duration_daysLabel.setObjectName(u"intended_duration_daysLabel")

        self.notificationLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.intended_duration_daysLabel)

        self.intended_duration_days = QSpinBox(self.notificationGroup)
        self.intended_duration_days.setObjectName(u"intended_duration_days")
        self.intended_duration_days.setMaximum(9999)
        self.intended_duration_days.setMaximumSize(QSize(130, 16777215))

        self.notificationLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.intended_duration_days)

        self.noticeText = QLabel(self.notificationGroup)
        self.noticeText.setObjectName(u"noticeText")
        self.noticeText.setWordWrap(True)

        self.notificationLayout.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.noticeText)


        self.cell00.addWidget(self.notificationGroup)

        self.decisionGroup = QGroupBox(self.contents)
        self.decisionGroup.setObjectName(u"decisionGroup")
        self.decisionLayout = QFormLayout(self.decisionGroup)
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.decisionLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.decisionLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.progressedLabel = QLabel(self.decisionGroup)
        self.progressedLabel.setObjectName(u"progressedLabel")

        self.decisionLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.progressedLabel)

        self.progressed = QComboBox(self.decisionGroup)
        self.progressed.setObjectName(u"progressed")
        self.progressed.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.progressed.setMinimumContentsLength(16)

        self.decisionLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.progressed)

        self.not_progressed_reasonLabel = QLabel(self.decisionGroup)
        self.not_progressed_reasonLabel.setObjectName(u"not_progressed_reasonLabel")

        self.decisionLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.not_progressed_reasonLabel)

        self.not_progressed_reason = QComboBox(self.decisionGroup)
        self.not_progressed_reason.setObjectName(u"not_progressed_reason")
        self.not_progressed_reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.not_progressed_reason.setMinimumContentsLength(16)

        self.decisionLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.not_progressed_reason)

        self.arrangementText = QLabel(self.decisionGroup)
        self.arrangementText.setObjectName(u"arrangementText")
        self.arrangementText.setWordWrap(True)

        self.decisionLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.arrangementText)

        self.change_reasonLabel = QLabel(self.decisionGroup)
        self.change_reasonLabel.setObjectName(u"change_reasonLabel")

        self.decisionLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.change_reasonLabel)

        self.change_reason = QLineEdit(self.decisionGroup)
        self.change_reason.setObjectName(u"change_reason")

        self.decisionLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.change_reason)

        self.notesLabel = QLabel(self.decisionGroup)
        self.notesLabel.setObjectName(u"notesLabel")

        self.decisionLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notes = QPlainTextEdit(self.decisionGroup)
        self.notes.setObjectName(u"notes")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.notes.sizePolicy().hasHeightForWidth())
        self.notes.setSizePolicy(sizePolicy)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumSize(QSize(0, 44))
        self.notes.setMaximumSize(QSize(16777215, 120))

        self.decisionLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notes)


        self.cell00.addWidget(self.decisionGroup)

        self.cell00Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cell00.addItem(self.cell00Stretch)


        self.columnsLayout.addLayout(self.cell00, 0, 0, 1, 1)

        self.cell01 = QVBoxLayout()
        self.cell01.setObjectName(u"cell01")
        self.childGroup = QGroupBox(self.contents)
        self.childGroup.setObjectName(u"childGroup")
        self.childLayout = QFormLayout(self.childGroup)
        self.childLayout.setObjectName(u"childLayout")
        self.childLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.childLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.child_nameLabel = QLabel(self.childGroup)
        self.child_nameLabel.setObjectName(u"child_nameLabel")

        self.childLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.child_nameLabel)

        self.child_name = QLineEdit(self.childGroup)
        self.child_name.setObjectName(u"child_name")

        self.childLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.child_name)

        self.child_sexLabel = QLabel(self.childGroup)
        self.child_sexLabel.setObjectName(u"child_sexLabel")

        self.childLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.child_sexLabel)

        self.child_sex = QComboBox(self.childGroup)
        self.child_sex.setObjectName(u"child_sex")
        self.child_sex.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.child_sex.setMinimumContentsLength(10)

        self.childLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.child_sex)

        self.child_date_of_birthLabel = QLabel(self.childGroup)
        self.child_date_of_birthLabel.setObjectName(u"child_date_of_birthLabel")

        self.childLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.child_date_of_birthLabel)

        self.child_date_of_birth = UkDateEdit(self.childGroup)
        self.child_date_of_birth.setObjectName(u"child_date_of_birth")
        self.child_date_of_birth.setMaximumSize(QSize(130, 16777215))

        self.childLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.child_date_of_birth)

        self.childAge = QLabel(self.childGroup)
        self.childAge.setObjectName(u"childAge")
        self.childAge.setWordWrap(True)

        self.childLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.childAge)

        self.child_place_of_birthLabel = QLabel(self.childGroup)
        self.child_place_of_birthLabel.setObjectName(u"child_place_of_birthLabel")

        self.childLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.child_place_of_birthLabel)

        self.child_place_of_birth = QLineEdit(self.childGroup)
        self.child_place_of_birth.setObjectName(u"child_place_of_birth")

        self.childLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.child_place_of_birth)

        self.child_country_of_birthLabel = QLabel(self.childGroup)
        self.child_country_of_birthLabel.setObjectName(u"child_country_of_birthLabel")

        self.childLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.child_country_of_birthLabel)

        self.child_country_of_birth = QLineEdit(self.childGroup)
        self.child_country_of_birth.setObjectName(u"child_country_of_birth")

        self.childLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.child_country_of_birth)

        self.child_born_in_ukLabel = QLabel(self.childGroup)
        self.child_born_in_ukLabel.setObjectName(u"child_born_in_ukLabel")

        self.childLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.child_born_in_ukLabel)

        self.child_born_in_uk = QComboBox(self.childGroup)
        self.child_born_in_uk.setObjectName(u"child_born_in_uk")
        self.child_born_in_uk.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.child_born_in_uk.setMinimumContentsLength(10)

        self.childLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.child_born_in_uk)

        self.child_religionLabel = QLabel(self.childGroup)
        self.child_religionLabel.setObjectName(u"child_religionLabel")

        self.childLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.child_religionLabel)

        self.child_religion = QLineEdit(self.childGroup)
        self.child_religion.setObjectName(u"child_religion")

        self.childLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.child_religion)

        self.child_ethnicityLabel = QLabel(self.childGroup)
        self.child_ethnicityLabel.setObjectName(u"child_ethnicityLabel")

        self.childLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.child_ethnicityLabel)

        self.child_ethnicity = QComboBox(self.childGroup)
        self.child_ethnicity.setObjectName(u"child_ethnicity")
        self.child_ethnicity.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.child_ethnicity.setMinimumContentsLength(16)

        self.childLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.child_ethnicity)

        self.child_languageLabel = QLabel(self.childGroup)
        self.child_languageLabel.setObjectName(u"child_languageLabel")

        self.childLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.child_languageLabel)

        self.child_language = QLineEdit(self.childGroup)
        self.child_language.setObjectName(u"child_language")

        self.childLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.child_language)

        self.child_disabled = QCheckBox(self.childGroup)
        self.child_disabled.setObjectName(u"child_disabled")

        self.childLayout.setWidget(10, QFormLayout.ItemRole.SpanningRole, self.child_disabled)

        self.child_immigration_statusLabel = QLabel(self.childGroup)
        self.child_immigration_statusLabel.setObjectName(u"child_immigration_statusLabel")

        self.childLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.child_immigration_statusLabel)

        self.child_immigration_status = QLineEdit(self.childGroup)
        self.child_immigration_status.setObjectName(u"child_immigration_status")

        self.childLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.child_immigration_status)


        self.cell01.addWidget(self.childGroup)

        self.cell01Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cell01.addItem(self.cell01Stretch)


        self.columnsLayout.addLayout(self.cell01, 0, 1, 1, 1)

        self.cell02 = QVBoxLayout()
        self.cell02.setObjectName(u"cell02")
        self.carerGroup = QGroupBox(self.contents)
        self.carerGroup.setObjectName(u"carerGroup")
        self.carerLayout = QFormLayout(self.carerGroup)
        self.carerLayout.setObjectName(u"carerLayout")
        self.carerLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.carerLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.carer_nameLabel = QLabel(self.carerGroup)
        self.carer_nameLabel.setObjectName(u"carer_nameLabel")

        self.carerLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.carer_nameLabel)

        self.carer_name = QLineEdit(self.carerGroup)
        self.carer_name.setObjectName(u"carer_name")

        self.carerLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.carer_name)

        self.carer_addressLabel = QLabel(self.carerGroup)
        self.carer_addressLabel.setObjectName(u"carer_addressLabel")

        self.carerLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.carer_addressLabel)

        self.carer_address = QPlainTextEdit(self.carerGroup)
        self.carer_address.setObjectName(u"carer_address")
        sizePolicy.setHeightForWidth(self.carer_address.sizePolicy().hasHeightForWidth())
        self.carer_address.setSizePolicy(sizePolicy)
        self.carer_address.setTabChangesFocus(True)
        self.carer_address.setMinimumSize(QSize(0, 44))
        self.carer_address.setMaximumSize(QSize(16777215, 70))

        self.carerLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.carer_address)

        self.carer_postcodeLabel = QLabel(self.carerGroup)
        self.carer_postcodeLabel.setObjectName(u"carer_postcodeLabel")

        self.carerLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.carer_postcodeLabel)

        self.carer_postcode = QLineEdit(self.carerGroup)
        self.carer_postcode.setObjectName(u"carer_postcode")
        self.carer_postcode.setMaximumSize(QSize(130, 16777215))

        self.carerLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.carer_postcode)

        self.carer_phoneLabel = QLabel(self.carerGroup)
        self.carer_phoneLabel.setObjectName(u"carer_phoneLabel")

        self.carerLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.carer_phoneLabel)

        self.carer_phone = QLineEdit(self.carerGroup)
        self.carer_phone.setObjectName(u"carer_phone")

        self.carerLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.carer_phone)

        self.carer_householdLabel = QLabel(self.carerGroup)
        self.carer_householdLabel.setObjectName(u"carer_householdLabel")

        self.carerLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.carer_householdLabel)

        self.carer_household = QPlainTextEdit(self.carerGroup)
        self.carer_household.setObjectName(u"carer_household")
        sizePolicy.setHeightForWidth(self.carer_household.sizePolicy().hasHeightForWidth())
        self.carer_household.setSizePolicy(sizePolicy)
        self.carer_household.setTabChangesFocus(True)
        self.carer_household.setMinimumSize(QSize(0, 44))
        self.carer_household.setMaximumSize(QSize(16777215, 90))

        self.carerLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.carer_household)


        self.cell02.addWidget(self.carerGroup)

        self.cell02Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cell02.addItem(self.cell02Stretch)


        self.columnsLayout.addLayout(self.cell02, 0, 2, 1, 1)

        self.columnsLayout.setColumnStretch(0, 1)
        self.columnsLayout.setColumnStretch(1, 1)
        self.columnsLayout.setColumnStretch(2, 1)
        self.scrollArea.setWidget(self.contents)

        self.outerLayout.addWidget(self.scrollArea)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.backButton = QPushButton(FosteringNotificationForm)
        self.backButton.setObjectName(u"backButton")

        self.buttonLayout.addWidget(self.backButton)

        self.arrangementButton = QPushButton(FosteringNotificationForm)
        self.arrangementButton.setObjectName(u"arrangementButton")

        self.buttonLayout.addWidget(self.arrangementButton)

        self.buttonLayoutStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonLayoutStretch)

        self.saveButton = QPushButton(FosteringNotificationForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.saveCloseButton = QPushButton(FosteringNotificationForm)
        self.saveCloseButton.setObjectName(u"saveCloseButton")

        self.buttonLayout.addWidget(self.saveCloseButton)


        self.outerLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.refLabel.setBuddy(self.ref)
        self.notification_typeLabel.setBuddy(self.notification_type)
        self.notifier_typeLabel.setBuddy(self.notifier_type)
        self.date_receivedLabel.setBuddy(self.date_received)
        self.intended_start_dateLabel.setBuddy(self.intended_start_date)
        self.intended_duration_daysLabel.setBuddy(self.intended_duration_days)
        self.progressedLabel.setBuddy(self.progressed)
        self.not_progressed_reasonLabel.setBuddy(self.not_progressed_reason)
        self.change_reasonLabel.setBuddy(self.change_reason)
        self.notesLabel.setBuddy(self.notes)
        self.child_nameLabel.setBuddy(self.child_name)
        self.child_sexLabel.setBuddy(self.child_sex)
        self.child_date_of_birthLabel.setBuddy(self.child_date_of_birth)
        self.child_place_of_birthLabel.setBuddy(self.child_place_of_birth)
        self.child_country_of_birthLabel.setBuddy(self.child_country_of_birth)
        self.child_born_in_ukLabel.setBuddy(self.child_born_in_uk)
        self.child_religionLabel.setBuddy(self.child_religion)
        self.child_ethnicityLabel.setBuddy(self.child_ethnicity)
        self.child_languageLabel.setBuddy(self.child_language)
        self.child_immigration_statusLabel.setBuddy(self.child_immigration_status)
        self.carer_nameLabel.setBuddy(self.carer_name)
        self.carer_addressLabel.setBuddy(self.carer_address)
        self.carer_postcodeLabel.setBuddy(self.carer_postcode)
        self.carer_phoneLabel.setBuddy(self.carer_phone)
        self.carer_householdLabel.setBuddy(self.carer_household)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.notification_type, self.notifier_type)
        QWidget.setTabOrder(self.notifier_type, self.date_received)
        QWidget.setTabOrder(self.date_received, self.intended_start_date)
        QWidget.setTabOrder(self.intended_start_date, self.intended_duration_days)
        QWidget.setTabOrder(self.intended_duration_days, self.progressed)
        QWidget.setTabOrder(self.progressed, self.not_progressed_reason)
        QWidget.setTabOrder(self.not_progressed_reason, self.change_reason)
        QWidget.setTabOrder(self.change_reason, self.child_name)
        QWidget.setTabOrder(self.child_name, self.child_sex)
        QWidget.setTabOrder(self.child_sex, self.child_date_of_birth)
        QWidget.setTabOrder(self.child_date_of_birth, self.child_place_of_birth)
        QWidget.setTabOrder(self.child_place_of_birth, self.child_country_of_birth)
        QWidget.setTabOrder(self.child_country_of_birth, self.child_born_in_uk)
        QWidget.setTabOrder(self.child_born_in_uk, self.child_religion)
        QWidget.setTabOrder(self.child_religion, self.child_ethnicity)
        QWidget.setTabOrder(self.child_ethnicity, self.child_language)
        QWidget.setTabOrder(self.child_language, self.child_disabled)
        QWidget.setTabOrder(self.child_disabled, self.child_immigration_status)
        QWidget.setTabOrder(self.child_immigration_status, self.carer_name)
        QWidget.setTabOrder(self.carer_name, self.carer_address)
        QWidget.setTabOrder(self.carer_address, self.carer_postcode)
        QWidget.setTabOrder(self.carer_postcode, self.carer_phone)
        QWidget.setTabOrder(self.carer_phone, self.carer_household)
        QWidget.setTabOrder(self.carer_household, self.notes)
        QWidget.setTabOrder(self.notes, self.ref)
        QWidget.setTabOrder(self.ref, self.openEnquiryButton)
        QWidget.setTabOrder(self.openEnquiryButton, self.backButton)
        QWidget.setTabOrder(self.backButton, self.arrangementButton)
        QWidget.setTabOrder(self.arrangementButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.saveCloseButton)

        self.retranslateUi(FosteringNotificationForm)

        QMetaObject.connectSlotsByName(FosteringNotificationForm)
    # setupUi

    def retranslateUi(self, FosteringNotificationForm):
        FosteringNotificationForm.setWindowTitle(QCoreApplication.translate("FosteringNotificationForm", u"Private fostering notification", None))
        self.formTitle.setText(QCoreApplication.translate("FosteringNotificationForm", u"Private fostering notification", None))
#if QT_CONFIG(accessibility)
        self.formTitle.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Form title", None))
#endif // QT_CONFIG(accessibility)
        self.openEnquiryButton.setText(QCoreApplication.translate("FosteringNotificationForm", u"Open the en&quiry", None))
#if QT_CONFIG(tooltip)
        self.openEnquiryButton.setToolTip(QCoreApplication.translate("FosteringNotificationForm", u"The enquiry it came from", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.messages.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Problems with this record", None))
#endif // QT_CONFIG(accessibility)
        self.notificationGroup.setTitle(QCoreApplication.translate("FosteringNotificationForm", u"Notification", None))
        self.refLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Reference", None))
#if QT_CONFIG(accessibility)
        self.ref.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Reference", None))
#endif // QT_CONFIG(accessibility)
        self.ref.setPlaceholderText(QCoreApplication.translate("FosteringNotificationForm", u"Given when first saved", None))
        self.notification_typeLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"&Type", None))
#if QT_CONFIG(accessibility)
        self.notification_type.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Type of notification", None))
#endif // QT_CONFIG(accessibility)
        self.notifier_typeLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Noti&fied by", None))
#if QT_CONFIG(accessibility)
        self.notifier_type.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Who notified", None))
#endif // QT_CONFIG(accessibility)
        self.date_receivedLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Date &received", None))
#if QT_CONFIG(accessibility)
        self.date_received.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Date received", None))
#endif // QT_CONFIG(accessibility)
        self.date_received.setPlaceholderText(QCoreApplication.translate("FosteringNotificationForm", u"dd/mm/yyyy", None))
        self.intended_start_dateLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"I&ntended start", None))
#if QT_CONFIG(accessibility)
        self.intended_start_date.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Intended start date", None))
#endif // QT_CONFIG(accessibility)
        self.intended_start_date.setPlaceholderText(QCoreApplication.translate("FosteringNotificationForm", u"dd/mm/yyyy", None))
        self.intended_duration_daysLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Intended d&uration", None))
#if QT_CONFIG(accessibility)
        self.intended_duration_days.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Intended duration in days", None))
#endif // QT_CONFIG(accessibility)
        self.intended_duration_days.setSpecialValueText(QCoreApplication.translate("FosteringNotificationForm", u"Not known", None))
        self.intended_duration_days.setSuffix(QCoreApplication.translate("FosteringNotificationForm", u" days", None))
#if QT_CONFIG(accessibility)
        self.noticeText.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Notice given in time", None))
#endif // QT_CONFIG(accessibility)
        self.noticeText.setText("")
        self.decisionGroup.setTitle(QCoreApplication.translate("FosteringNotificationForm", u"Decision", None))
        self.progressedLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Pro&gressed", None))
#if QT_CONFIG(accessibility)
        self.progressed.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Did it progress", None))
#endif // QT_CONFIG(accessibility)
        self.not_progressed_reasonLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"&Why not", None))
#if QT_CONFIG(accessibility)
        self.not_progressed_reason.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Why it did not progress", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.arrangementText.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"The arrangement", None))
#endif // QT_CONFIG(accessibility)
        self.arrangementText.setText("")
        self.change_reasonLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Reason f&or change", None))
#if QT_CONFIG(accessibility)
        self.change_reason.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Reason for changing an ended arrangement's record", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Notes", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.childGroup.setTitle(QCoreApplication.translate("FosteringNotificationForm", u"The child", None))
        self.child_nameLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"C&hild's name", None))
#if QT_CONFIG(accessibility)
        self.child_name.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Child's full name", None))
#endif // QT_CONFIG(accessibility)
        self.child_sexLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Se&x", None))
#if QT_CONFIG(accessibility)
        self.child_sex.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Child's sex", None))
#endif // QT_CONFIG(accessibility)
        self.child_date_of_birthLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Date of b&irth", None))
#if QT_CONFIG(accessibility)
        self.child_date_of_birth.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Child's date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.child_date_of_birth.setPlaceholderText(QCoreApplication.translate("FosteringNotificationForm", u"dd/mm/yyyy", None))
#if QT_CONFIG(accessibility)
        self.childAge.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Child's age", None))
#endif // QT_CONFIG(accessibility)
        self.childAge.setText("")
        self.child_place_of_birthLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"&Place of birth", None))
#if QT_CONFIG(accessibility)
        self.child_place_of_birth.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Child's place of birth", None))
#endif // QT_CONFIG(accessibility)
        self.child_country_of_birthLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Countr&y of birth", None))
#if QT_CONFIG(accessibility)
        self.child_country_of_birth.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Child's country of birth", None))
#endif // QT_CONFIG(accessibility)
        self.child_born_in_ukLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Born in the U&K", None))
#if QT_CONFIG(accessibility)
        self.child_born_in_uk.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Child born in the UK", None))
#endif // QT_CONFIG(accessibility)
        self.child_religionLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Religion", None))
#if QT_CONFIG(accessibility)
        self.child_religion.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Child's religion", None))
#endif // QT_CONFIG(accessibility)
        self.child_ethnicityLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Ethni&city", None))
#if QT_CONFIG(accessibility)
        self.child_ethnicity.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Child's ethnicity", None))
#endif // QT_CONFIG(accessibility)
        self.child_languageLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Language", None))
#if QT_CONFIG(accessibility)
        self.child_language.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Child's first language", None))
#endif // QT_CONFIG(accessibility)
        self.child_disabled.setText(QCoreApplication.translate("FosteringNotificationForm", u"&Disabled (private fostering to 18)", None))
        self.child_immigration_statusLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"I&mmigration status", None))
#if QT_CONFIG(accessibility)
        self.child_immigration_status.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Child's immigration status", None))
#endif // QT_CONFIG(accessibility)
        self.carerGroup.setTitle(QCoreApplication.translate("FosteringNotificationForm", u"The carer", None))
        self.carer_nameLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"C&arer's name", None))
#if QT_CONFIG(accessibility)
        self.carer_name.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Carer's full name", None))
#endif // QT_CONFIG(accessibility)
        self.carer_addressLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Address", None))
#if QT_CONFIG(accessibility)
        self.carer_address.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Carer's address", None))
#endif // QT_CONFIG(accessibility)
        self.carer_postcodeLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Postcode", None))
#if QT_CONFIG(accessibility)
        self.carer_postcode.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Carer's postcode", None))
#endif // QT_CONFIG(accessibility)
        self.carer_phoneLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Phone", None))
#if QT_CONFIG(accessibility)
        self.carer_phone.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Carer's phone number", None))
#endif // QT_CONFIG(accessibility)
        self.carer_householdLabel.setText(QCoreApplication.translate("FosteringNotificationForm", u"Household", None))
#if QT_CONFIG(accessibility)
        self.carer_household.setAccessibleName(QCoreApplication.translate("FosteringNotificationForm", u"Other members of the carer's household", None))
#endif // QT_CONFIG(accessibility)
        self.backButton.setText(QCoreApplication.translate("FosteringNotificationForm", u"&Back to list", None))
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("FosteringNotificationForm", u"Return to the list (Esc)", None))
#endif // QT_CONFIG(tooltip)
        self.arrangementButton.setText(QCoreApplication.translate("FosteringNotificationForm", u"R&ecord the arrangement\u2026", None))
#if QT_CONFIG(tooltip)
        self.arrangementButton.setToolTip(QCoreApplication.translate("FosteringNotificationForm", u"Record the arrangement this notification led to", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("FosteringNotificationForm", u"&Save", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("FosteringNotificationForm", u"Save and stay on this record (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveCloseButton.setText(QCoreApplication.translate("FosteringNotificationForm", u"Save and c&lose", None))
#if QT_CONFIG(tooltip)
        self.saveCloseButton.setToolTip(QCoreApplication.translate("FosteringNotificationForm", u"Save and return to the list (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

