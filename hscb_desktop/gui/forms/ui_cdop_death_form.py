# Generated from ui/cdop_death_form.ui by hscb_desktop.gui.build_forms - do not edit.
from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from hscb_desktop.gui.cdop_common import YesNoCombo
from hscb_desktop.gui.record_form import UkDateEdit

class Ui_CdopDeathForm(object):
    def setupUi(self, CdopDeathForm):
        if not CdopDeathForm.objectName():
            CdopDeathForm.setObjectName(u"CdopDeathForm")
        CdopDeathForm.resize(1100, 640)
        self.outerLayout = QVBoxLayout(CdopDeathForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.formTitle = QLabel(CdopDeathForm)
        self.formTitle.setObjectName(u"formTitle")

        self.headerLayout.addWidget(self.formTitle)

        self.headerLayoutStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerLayoutStretch)

        self.stateText = QLabel(CdopDeathForm)
        self.stateText.setObjectName(u"stateText")

        self.headerLayout.addWidget(self.stateText)


        self.outerLayout.addLayout(self.headerLayout)

        self.messages = QLabel(CdopDeathForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)

        self.outerLayout.addWidget(self.messages)

        self.scrollArea = QScrollArea(CdopDeathForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.contents = QWidget()
        self.contents.setObjectName(u"contents")
        self.columnsLayout = QGridLayout(self.contents)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.column1 = QVBoxLayout()
        self.column1.setObjectName(u"column1")
        self.identityGroup = QGroupBox(self.contents)
        self.identityGroup.setObjectName(u"identityGroup")
        self.identityLayout = QFormLayout(self.identityGroup)
        self.identityLayout.setObjectName(u"identityLayout")
        self.identityLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.identityLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.forenamesLabel = QLabel(self.identityGroup)
        self.forenamesLabel.setObjectName(u"forenamesLabel")

        self.identityLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.forenamesLabel)

        self.forenames = QLineEdit(self.identityGroup)
        self.forenames.setObjectName(u"forenames")

        self.identityLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.forenames)

        self.family_nameLabel = QLabel(self.identityGroup)
        self.family_nameLabel.setObjectName(u"family_nameLabel")

        self.identityLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.family_nameLabel)

        self.family_name = QLineEdit(self.identityGroup)
        self.family_name.setObjectName(u"family_name")

        self.identityLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.family_name)

        self.nhs_numberLabel = QLabel(self.identityGroup)
        self.nhs_numberLabel.setObjectName(u"nhs_numberLabel")

        self.identityLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nhs_numberLabel)

        self.nhs_number = QLineEdit(self.identityGroup)
        self.nhs_number.setObjectName(u"nhs_number")
        self.nhs_number.setMaximumSize(QSize(140, 16777215))

        self.identityLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nhs_number)

        self.nhsStatus = QLabel(self.identityGroup)
        self.nhsStatus.setObjectName(u"nhsStatus")
        self.nhsStatus.setWordWrap(True)

        self.identityLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.nhsStatus)

        self.date_of_birthLabel = QLabel(self.identityGroup)
        self.date_of_birthLabel.setObjectName(u"date_of_birthLabel")

        self.identityLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.date_of_birthLabel)

        self.date_of_birth = UkDateEdit(self.identityGroup)
        self.date_of_birth.setObjectName(u"date_of_birth")
        self.date_of_birth.setMaximumSize(QSize(120, 16777215))

        self.identityLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date_of_birth)

        self.home_postcodeLabel = QLabel(self.identityGroup)
        self.home_postcodeLabel.setObjectName(u"home_postcodeLabel")

        self.identityLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.home_postcodeLabel)

        self.home_postcode = QLineEdit(self.identityGroup)
        self.home_postcode.setObjectName(u"home_postcode")
        self.home_postcode.setMaximumSize(QSize(100, 16777215))

        self.identityLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.home_postcode)


        self.column1.addWidget(self.identityGroup)

        self.childGroup = QGroupBox(self.contents)
        self.childGroup.setObjectName(u"childGroup")
        self.childLayout = QFormLayout(self.childGroup)
        self.childLayout.setObjectName(u"childLayout")
        self.childLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.childLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.sexLabel = QLabel(self.childGroup)
        self.sexLabel.setObjectName(u"sexLabel")

        self.childLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sexLabel)

        self.sex = QComboBox(self.childGroup)
        self.sex.setObjectName(u"sex")

        self.childLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sex)

        self.ethnicityLabel = QLabel(self.childGroup)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.childLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ethnicityLabel)

        self.ethnicity = QComboBox(self.childGroup)
        self.ethnicity.setObjectName(u"ethnicity")

        self.childLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ethnicity)

        self.la_of_residenceLabel = QLabel(self.childGroup)
        self.la_of_residenceLabel.setObjectName(u"la_of_residenceLabel")

        self.childLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.la_of_residenceLabel)

        self.la_of_residence = QLineEdit(self.childGroup)
        self.la_of_residence.setObjectName(u"la_of_residence")

        self.childLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.la_of_residence)

        self.normally_resident_in_areaLabel = QLabel(self.childGroup)
        self.normally_resident_in_areaLabel.setObjectName(u"normally_resident_in_areaLabel")

        self.childLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.normally_resident_in_areaLabel)

        self.normally_resident_in_area = YesNoCombo(self.childGroup)
        self.normally_resident_in_area.setObjectName(u"normally_resident_in_area")
        self.normally_resident_in_area.setMaximumSize(QSize(140, 16777215))

        self.childLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.normally_resident_in_area)

        self.live_bornLabel = QLabel(self.childGroup)
        self.live_bornLabel.setObjectName(u"live_bornLabel")

        self.childLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.live_bornLabel)

        self.live_born = YesNoCombo(self.childGroup)
        self.live_born.setObjectName(u"live_born")
        self.live_born.setMaximumSize(QSize(140, 16777215))

        self.childLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.live_born)

        self.looked_afterLabel = QLabel(self.childGroup)
        self.looked_afterLabel.setObjectName(u"looked_afterLabel")

        self.childLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.looked_afterLabel)

        self.looked_after = YesNoCombo(self.childGroup)
        self.looked_after.setObjectName(u"looked_after")
        self.looked_after.setMaximumSize(QSize(140, 16777215))

        self.childLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.looked_after)

        self.child_protection_planLabel = QLabel(self.childGroup)
        self.child_protection_planLabel.setObjectName(u"child_protection_planLabel")

        self.childLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.child_protection_planLabel)

        self.child_protection_plan = YesNoCombo(self.childGroup)
        self.child_protection_plan.setObjectName(u"child_protection_plan")
        self.child_protection_plan.setMaximumSize(QSize(140, 16777215))

        self.childLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.child_protection_plan)

        self.child_in_needLabel = QLabel(self.childGroup)
        self.child_in_needLabel.setObjectName(u"child_in_needLabel")

        self.childLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.child_in_needLabel)

        self.child_in_need = YesNoCombo(self.childGroup)
        self.child_in_need.setObjectName(u"child_in_need")
        self.child_in_need.setMaximumSize(QSize(140, 16777215))

        self.childLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.child_in_need)


        self.column1.addWidget(self.childGroup)

        self.column1Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column1.addItem(self.column1Stretch)


        self.columnsLayout.addLayout(self.column1, 0, 0, 1, 1)

        self.column2 = QVBoxLayout()
        self.column2.setObjectName(u"column2")
        self.deathGroup = QGroupBox(self.contents)
        self.deathGroup.setObjectName(u"deathGroup")
        self.deathLayout = QFormLayout(self.deathGroup)
        self.deathLayout.setObjectName(u"deathLayout")
        self.deathLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.deathLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.date_of_deathLabel = QLabel(self.deathGroup)
        self.date_of_deathLabel.setObjectName(u"date_of_deathLabel")

        self.deathLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_of_deathLabel)

        self.date_of_death = UkDateEdit(self.deathGroup)
        self.date_of_death.setObjectName(u"date_of_death")
        self.date_of_death.setMaximumSize(QSize(120, 16777215))

        self.deathLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_of_death)

        self.time_of_deathLabel = QLabel(self.deathGroup)
        self.time_of_deathLabel.setObjectName(u"time_of_deathLabel")

        self.deathLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.time_of_deathLabel)

        self.time_of_death = QLineEdit(self.deathGroup)
        self.time_of_death.setObjectName(u"time_of_death")
        self.time_of_death.setMaximumSize(QSize(120, 16777215))

        self.deathLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.time_of_death)

        self.ageTextLabel = QLabel(self.deathGroup)
        self.ageTextLabel.setObjectName(u"ageTextLabel")

        self.deathLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ageTextLabel)

        self.ageText = QLabel(self.deathGroup)
        self.ageText.setObjectName(u"ageText")

        self.deathLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ageText)

        self.place_of_deathLabel = QLabel(self.deathGroup)
        self.place_of_deathLabel.setObjectName(u"place_of_deathLabel")

        self.deathLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.place_of_deathLabel)

        self.place_of_death = QComboBox(self.deathGroup)
        self.place_of_death.setObjectName(u"place_of_death")

        self.deathLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.place_of_death)

        self.place_of_death_otherLabel = QLabel(self.deathGroup)
        self.place_of_death_otherLabel.setObjectName(u"place_of_death_otherLabel")

        self.deathLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.place_of_death_otherLabel)

        self.place_of_death_other = QLineEdit(self.deathGroup)
        self.place_of_death_other.setObjectName(u"place_of_death_other")

        self.deathLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.place_of_death_other)

        self.expected_or_unexpectedLabel = QLabel(self.deathGroup)
        self.expected_or_unexpectedLabel.setObjectName(u"expected_or_unexpectedLabel")

        self.deathLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.expected_or_unexpectedLabel)

        self.expected_or_unexpected = QComboBox(self.deathGroup)
        self.expected_or_unexpected.setObjectName(u"expected_or_unexpected")
        self.expected_or_unexpected.setMaximumSize(QSize(140, 16777215))

        self.deathLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.expected_or_unexpected)

        self.unexpected_confirmed_by_designated_doctorLabel = QLabel(self.deathGroup)
        self.unexpected_confirmed_by_designated_doctorLabel.setObjectName(u"unexpected_confirmed_by_designated_doctorLabel")

        self.deathLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.unexpected_confirmed_by_designated_doctorLabel)

        self.unexpected_confirmed_by_designated_doctor = YesNoCombo(self.deathGroup)
        self.unexpected_confirmed_by_designated_doctor.setObjectName(u"unexpected_confirmed_by_designated_doctor")
        self.unexpected_confirmed_by_designated_doctor.setMaximumSize(QSize(140, 16777215))

        self.deathLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.unexpected_confirmed_by_designated_doctor)

        self.joint_agency_responseLabel = QLabel(self.deathGroup)
        self.joint_agency_responseLabel.setObjectName(u"joint_agency_responseLabel")

        self.deathLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.joint_agency_responseLabel)

        self.joint_agency_response = YesNoCombo(self.deathGroup)
        self.joint_agency_response.setObjectName(u"joint_agency_response")
        self.joint_agency_response.setMaximumSize(QSize(140, 16777215))

        self.deathLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.joint_agency_response)

        self.post_mortem_requiredLabel = QLabel(self.deathGroup)
        self.post_mortem_requiredLabel.setObjectName(u"post_mortem_requiredLabel")

        self.deathLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.post_mortem_requiredLabel)

        self.post_mortem_required = YesNoCombo(self.deathGroup)
        self.post_mortem_required.setObjectName(u"post_mortem_required")
        self.post_mortem_required.setMaximumSize(QSize(140, 16777215))

        self.deathLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.post_mortem_required)

        self.coroner_involvedLabel = QLabel(self.deathGroup)
        self.coroner_involvedLabel.setObjectName(u"coroner_involvedLabel")

        self.deathLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.coroner_involvedLabel)

        self.coroner_involved = YesNoCombo(self.deathGroup)
        self.coroner_involved.setObjectName(u"coroner_involved")
        self.coroner_involved.setMaximumSize(QSize(140, 16777215))

        self.deathLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.coroner_involved)

        self.inquestLabel = QLabel(self.deathGroup)
        self.inquestLabel.setObjectName(u"inquestLabel")

        self.deathLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.inquestLabel)

        self.inquest = YesNoCombo(self.deathGroup)
        self.inquest.setObjectName(u"inquest")
        self.inquest.setMaximumSize(QSize(140, 16777215))

        self.deathLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.inquest)


        self.column2.addWidget(self.deathGroup)

        self.column2Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column2.addItem(self.column2Stretch)


        self.columnsLayout.addLayout(self.column2, 0, 1, 1, 1)

        self.column3 = QVBoxLayout()
        self.column3.setObjectName(u"column3")
        self.notificationGroup = QGroupBox(self.contents)
        self.notificationGroup.setObjectName(u"notificationGroup")
        self.notificationLayout = QFormLayout(self.notificationGroup)
        self.notificationLayout.setObjectName(u"notificationLayout")
        self.notificationLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.notificationLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.cdop_refLabel = QLabel(self.notificationGroup)
        self.cdop_refLabel.setObjectName(u"cdop_refLabel")

        self.notificationLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cdop_refLabel)

        self.cdop_ref = QLineEdit(self.notificationGroup)
        self.cdop_ref.setObjectName(u"cdop_ref")
        self.cdop_ref.setReadOnly(True)

        self.notificationLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cdop_ref)

        self.notified_by_agency_idLabel = QLabel(self.notificationGroup)
        self.notified_by_agency_idLabel.setObjectName(u"notified_by_agency_idLabel")

        self.notificationLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.notified_by_agency_idLabel)

        self.notified_by_agency_id = QComboBox(self.notificationGroup)
        self.notified_by_agency_id.setObjectName(u"notified_by_agency_id")

        self.notificationLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.notified_by_agency_id)

        self.notification_dateLabel = QLabel(self.notificationGroup)
        self.notification_dateLabel.setObjectName(u"notification_dateLabel")

        self.notificationLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.notification_dateLabel)

        self.notification_date = UkDateEdit(self.notificationGroup)
        self.notification_date.setObjectName(u"notification_date")
        self.notification_date.setMaximumSize(QSize(120, 16777215))

        self.notificationLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.notification_date)

        self.gapsTextLabel = QLabel(self.notificationGroup)
        self.gapsTextLabel.setObjectName(u"gapsTextLabel")

        self.notificationLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.gapsTextLabel)

        self.gapsText = QLabel(self.notificationGroup)
        self.gapsText.setObjectName(u"gapsText")
        self.gapsText.setWordWrap(True)

        self.notificationLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.gapsText)


        self.column3.addWidget(self.notificationGroup)

        self.summaryGroup = QGroupBox(self.contents)
        self.summaryGroup.setObjectName(u"summaryGroup")
        self.summaryLayout = QFormLayout(self.summaryGroup)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.summaryLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.circumstances_summary = QPlainTextEdit(self.summaryGroup)
        self.circumstances_summary.setObjectName(u"circumstances_summary")
        self.circumstances_summary.setTabChangesFocus(True)
        self.circumstances_summary.setMinimumSize(QSize(0, 150))

        self.summaryLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.circumstances_summary)

        self.change_reasonLabel = QLabel(self.summaryGroup)
        self.change_reasonLabel.setObjectName(u"change_reasonLabel")

        self.summaryLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.change_reasonLabel)

        self.change_reason = QLineEdit(self.summaryGroup)
        self.change_reason.setObjectName(u"change_reason")

        self.summaryLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.change_reason)


        self.column3.addWidget(self.summaryGroup)

        self.column3Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column3.addItem(self.column3Stretch)


        self.columnsLayout.addLayout(self.column3, 0, 2, 1, 1)

        self.columnsLayout.setColumnStretch(0, 4)
        self.columnsLayout.setColumnStretch(1, 5)
        self.columnsLayout.setColumnStretch(2, 4)
        self.scrollArea.setWidget(self.contents)

        self.outerLayout.addWidget(self.scrollArea)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.deleteButton = QPushButton(CdopDeathForm)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttonsLayout.addWidget(self.deleteButton)

        self.buttonsLayoutStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsLayoutStretch)

        self.backButton = QPushButton(CdopDeathForm)
        self.backButton.setObjectName(u"backButton")

        self.buttonsLayout.addWidget(self.backButton)

        self.saveButton = QPushButton(CdopDeathForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonsLayout.addWidget(self.saveButton)

        self.saveCloseButton = QPushButton(CdopDeathForm)
        self.saveCloseButton.setObjectName(u"saveCloseButton")

        self.buttonsLayout.addWidget(self.saveCloseButton)


        self.outerLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.forenamesLabel.setBuddy(self.forenames)
        self.family_nameLabel.setBuddy(self.family_name)
        self.nhs_numberLabel.setBuddy(self.nhs_number)
        self.date_of_birthLabel.setBuddy(self.date_of_birth)
        self.home_postcodeLabel.setBuddy(self.home_postcode)
        self.sexLabel.setBuddy(self.sex)
        self.ethnicityLabel.setBuddy(self.ethnicity)
        self.la_of_residenceLabel.setBuddy(self.la_of_residence)
        self.normally_resident_in_areaLabel.setBuddy(self.normally_resident_in_area)
        self.live_bornLabel.setBuddy(self.live_born)
        self.looked_afterLabel.setBuddy(self.looked_after)
        self.child_protection_planLabel.setBuddy(self.child_protection_plan)
        self.child_in_needLabel.setBuddy(self.child_in_need)
        self.date_of_deathLabel.setBuddy(self.date_of_death)
        self.time_of_deathLabel.setBuddy(self.time_of_death)
        self.place_of_deathLabel.setBuddy(self.place_of_death)
        self.place_of_death_otherLabel.setBuddy(self.place_of_death_other)
        self.expected_or_unexpectedLabel.setBuddy(self.expected_or_unexpected)
        self.unexpected_confirmed_by_designated_doctorLabel.setBuddy(self.unexpected_confirmed_by_designated_doctor)
        self.joint_agency_responseLabel.setBuddy(self.joint_agency_response)
        self.post_mortem_requiredLabel.setBuddy(self.post_mortem_required)
        self.coroner_involvedLabel.setBuddy(self.coroner_involved)
        self.inquestLabel.setBuddy(self.inquest)
        self.cdop_refLabel.setBuddy(self.cdop_ref)
        self.notified_by_agency_idLabel.setBuddy(self.notified_by_agency_id)
        self.notification_dateLabel.setBuddy(self.notification_date)
        self.change_reasonLabel.setBuddy(self.change_reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.forenames, self.family_name)
        QWidget.setTabOrder(self.family_name, self.nhs_number)
        QWidget.setTabOrder(self.nhs_number, self.date_of_birth)
        QWidget.setTabOrder(self.date_of_birth, self.home_postcode)
        QWidget.setTabOrder(self.home_postcode, self.sex)
        QWidget.setTabOrder(self.sex, self.ethnicity)
        QWidget.setTabOrder(self.ethnicity, self.la_of_residence)
        QWidget.setTabOrder(self.la_of_residence, self.normally_resident_in_area)
        QWidget.setTabOrder(self.normally_resident_in_area, self.live_born)
        QWidget.setTabOrder(self.live_born, self.looked_after)
        QWidget.setTabOrder(self.looked_after, self.child_protection_plan)
        QWidget.setTabOrder(self.child_protection_plan, self.child_in_need)
        QWidget.setTabOrder(self.child_in_need, self.date_of_death)
        QWidget.setTabOrder(self.date_of_death, self.time_of_death)
        QWidget.setTabOrder(self.time_of_death, self.place_of_death)
        QWidget.setTabOrder(self.place_of_death, self.place_of_death_other)
        QWidget.setTabOrder(self.place_of_death_other, self.expected_or_unexpected)
        QWidget.setTabOrder(self.expected_or_unexpected, self.unexpected_confirmed_by_designated_doctor)
        QWidget.setTabOrder(self.unexpected_confirmed_by_designated_doctor, self.joint_agency_response)
        QWidget.setTabOrder(self.joint_agency_response, self.post_mortem_required)
        QWidget.setTabOrder(self.post_mortem_required, self.coroner_involved)
        QWidget.setTabOrder(self.coroner_involved, self.inquest)
        QWidget.setTabOrder(self.inquest, self.cdop_ref)
        QWidget.setTabOrder(self.cdop_ref, self.notified_by_agency_id)
        QWidget.setTabOrder(self.notified_by_agency_id, self.notification_date)
        QWidget.setTabOrder(self.notification_date, self.circumstances_summary)
        QWidget.setTabOrder(self.circumstances_summary, self.change_reason)
        QWidget.setTabOrder(self.change_reason, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.backButton)
        QWidget.setTabOrder(self.backButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.saveCloseButton)

        self.retranslateUi(CdopDeathForm)

        QMetaObject.connectSlotsByName(CdopDeathForm)
    # setupUi

    def retranslateUi(self, CdopDeathForm):
        CdopDeathForm.setWindowTitle(QCoreApplication.translate("CdopDeathForm", u"Child death notification", None))
#if QT_CONFIG(accessibility)
        self.formTitle.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Form title", None))
#endif // QT_CONFIG(accessibility)
        self.formTitle.setText(QCoreApplication.translate("CdopDeathForm", u"New child death notification", None))
#if QT_CONFIG(accessibility)
        self.stateText.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Case state", None))
#endif // QT_CONFIG(accessibility)
        self.stateText.setText("")
#if QT_CONFIG(accessibility)
        self.messages.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Problems with this record", None))
#endif // QT_CONFIG(accessibility)
        self.messages.setText("")
        self.identityGroup.setTitle(QCoreApplication.translate("CdopDeathForm", u"Identity - never printed in a panel pack", None))
        self.forenamesLabel.setText(QCoreApplication.translate("CdopDeathForm", u"&Forenames", None))
#if QT_CONFIG(accessibility)
        self.forenames.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Forenames", None))
#endif // QT_CONFIG(accessibility)
        self.family_nameLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Fa&mily name", None))
#if QT_CONFIG(accessibility)
        self.family_name.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Family name", None))
#endif // QT_CONFIG(accessibility)
        self.nhs_numberLabel.setText(QCoreApplication.translate("CdopDeathForm", u"N&HS number", None))
        self.nhs_number.setPlaceholderText(QCoreApplication.translate("CdopDeathForm", u"10 digits", None))
#if QT_CONFIG(accessibility)
        self.nhs_number.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"NHS number", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.nhsStatus.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"NHS number check", None))
#endif // QT_CONFIG(accessibility)
        self.date_of_birthLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Date of &birth", None))
#if QT_CONFIG(accessibility)
        self.date_of_birth.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.home_postcodeLabel.setText(QCoreApplication.translate("CdopDeathForm", u"&Postcode", None))
#if QT_CONFIG(accessibility)
        self.home_postcode.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Postcode", None))
#endif // QT_CONFIG(accessibility)
        self.childGroup.setTitle(QCoreApplication.translate("CdopDeathForm", u"Child", None))
        self.sexLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Se&x", None))
#if QT_CONFIG(accessibility)
        self.sex.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Sex", None))
#endif // QT_CONFIG(accessibility)
        self.ethnicityLabel.setText(QCoreApplication.translate("CdopDeathForm", u"&Ethnicity", None))
#if QT_CONFIG(accessibility)
        self.ethnicity.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Ethnicity", None))
#endif // QT_CONFIG(accessibility)
        self.la_of_residenceLabel.setText(QCoreApplication.translate("CdopDeathForm", u"&Local authority", None))
#if QT_CONFIG(accessibility)
        self.la_of_residence.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Local authority of residence", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.la_of_residence.setToolTip(QCoreApplication.translate("CdopDeathForm", u"The local authority where the child lived", None))
#endif // QT_CONFIG(tooltip)
        self.normally_resident_in_areaLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Resident in area", None))
#if QT_CONFIG(accessibility)
        self.normally_resident_in_area.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Normally resident in the area", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.normally_resident_in_area.setToolTip(QCoreApplication.translate("CdopDeathForm", u"Normally resident in the Board's area", None))
#endif // QT_CONFIG(tooltip)
        self.live_bornLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Born a&live", None))
#if QT_CONFIG(accessibility)
        self.live_born.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Born alive", None))
#endif // QT_CONFIG(accessibility)
        self.looked_afterLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Looked after", None))
#if QT_CONFIG(accessibility)
        self.looked_after.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Looked after", None))
#endif // QT_CONFIG(accessibility)
        self.child_protection_planLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Child protection plan", None))
#if QT_CONFIG(accessibility)
        self.child_protection_plan.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Child protection plan", None))
#endif // QT_CONFIG(accessibility)
        self.child_in_needLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Child in need", None))
#if QT_CONFIG(accessibility)
        self.child_in_need.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Child in need", None))
#endif // QT_CONFIG(accessibility)
        self.deathGroup.setTitle(QCoreApplication.translate("CdopDeathForm", u"Death", None))
        self.date_of_deathLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Date of &death", None))
#if QT_CONFIG(accessibility)
        self.date_of_death.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Date of death", None))
#endif // QT_CONFIG(accessibility)
        self.time_of_deathLabel.setText(QCoreApplication.translate("CdopDeathForm", u"&Time of death", None))
        self.time_of_death.setPlaceholderText(QCoreApplication.translate("CdopDeathForm", u"hh:mm", None))
#if QT_CONFIG(accessibility)
        self.time_of_death.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Time of death", None))
#endif // QT_CONFIG(accessibility)
        self.ageTextLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Age at death", None))
#if QT_CONFIG(accessibility)
        self.ageText.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Age at death", None))
#endif // QT_CONFIG(accessibility)
        self.place_of_deathLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Place of deat&h", None))
#if QT_CONFIG(accessibility)
        self.place_of_death.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Place of death", None))
#endif // QT_CONFIG(accessibility)
        self.place_of_death_otherLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Other place", None))
#if QT_CONFIG(accessibility)
        self.place_of_death_other.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Other place", None))
#endif // QT_CONFIG(accessibility)
        self.expected_or_unexpectedLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Expected or &unexpected", None))
#if QT_CONFIG(accessibility)
        self.expected_or_unexpected.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Expected or unexpected", None))
#endif // QT_CONFIG(accessibility)
        self.unexpected_confirmed_by_designated_doctorLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Doctor confirmed unexpected", None))
#if QT_CONFIG(accessibility)
        self.unexpected_confirmed_by_designated_doctor.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Confirmed unexpected by the designated doctor", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.unexpected_confirmed_by_designated_doctor.setToolTip(QCoreApplication.translate("CdopDeathForm", u"Confirmed as an unexpected death by the designated doctor", None))
#endif // QT_CONFIG(tooltip)
        self.joint_agency_responseLabel.setText(QCoreApplication.translate("CdopDeathForm", u"&Joint agency response", None))
#if QT_CONFIG(accessibility)
        self.joint_agency_response.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Joint agency response", None))
#endif // QT_CONFIG(accessibility)
        self.post_mortem_requiredLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Post mortem required", None))
#if QT_CONFIG(accessibility)
        self.post_mortem_required.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Post mortem required", None))
#endif // QT_CONFIG(accessibility)
        self.coroner_involvedLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Coroner involved", None))
#if QT_CONFIG(accessibility)
        self.coroner_involved.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Coroner involved", None))
#endif // QT_CONFIG(accessibility)
        self.inquestLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Inquest", None))
#if QT_CONFIG(accessibility)
        self.inquest.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Inquest", None))
#endif // QT_CONFIG(accessibility)
        self.notificationGroup.setTitle(QCoreApplication.translate("CdopDeathForm", u"Notification", None))
        self.cdop_refLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Reference", None))
        self.cdop_ref.setPlaceholderText(QCoreApplication.translate("CdopDeathForm", u"Given when first saved", None))
#if QT_CONFIG(accessibility)
        self.cdop_ref.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Reference", None))
#endif // QT_CONFIG(accessibility)
        self.notified_by_agency_idLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Notified b&y", None))
#if QT_CONFIG(accessibility)
        self.notified_by_agency_id.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Notified by", None))
#endif // QT_CONFIG(accessibility)
        self.notification_dateLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Notification dat&e", None))
#if QT_CONFIG(accessibility)
        self.notification_date.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Notification date", None))
#endif // QT_CONFIG(accessibility)
        self.gapsTextLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Still missing", None))
#if QT_CONFIG(accessibility)
        self.gapsText.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Still missing before panel", None))
#endif // QT_CONFIG(accessibility)
        self.summaryGroup.setTitle(QCoreApplication.translate("CdopDeathForm", u"Circumstances", None))
#if QT_CONFIG(accessibility)
        self.circumstances_summary.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Summary of the circumstances", None))
#endif // QT_CONFIG(accessibility)
        self.change_reasonLabel.setText(QCoreApplication.translate("CdopDeathForm", u"Reason for change", None))
        self.change_reason.setPlaceholderText(QCoreApplication.translate("CdopDeathForm", u"Required to change a reviewed case", None))
#if QT_CONFIG(accessibility)
        self.change_reason.setAccessibleName(QCoreApplication.translate("CdopDeathForm", u"Reason for change", None))
#endif // QT_CONFIG(accessibility)
        self.deleteButton.setText(QCoreApplication.translate("CdopDeathForm", u"Delete case\u2026", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("CdopDeathForm", u"Delete a case notified in error", None))
#endif // QT_CONFIG(tooltip)
        self.backButton.setText(QCoreApplication.translate("CdopDeathForm", u"Back to list", None))
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("CdopDeathForm", u"Back to the list (Esc)", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("CdopDeathForm", u"&Save", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("CdopDeathForm", u"Save (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveCloseButton.setText(QCoreApplication.translate("CdopDeathForm", u"Save and clos&e", None))
#if QT_CONFIG(tooltip)
        self.saveCloseButton.setToolTip(QCoreApplication.translate("CdopDeathForm", u"Save and return to the list (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

