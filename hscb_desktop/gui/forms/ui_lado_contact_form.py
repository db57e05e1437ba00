# Generated from ui/lado_contact_form.ui by hscb_desktop.gui.build_forms - do not edit.
from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QTableWidget, QVBoxLayout, QWidget

from hscb_desktop.gui.checklist import CodeChecklist
from hscb_desktop.gui.record_form import UkDateEdit

class Ui_LadoContactForm(object):
    def setupUi(self, LadoContactForm):
        if not LadoContactForm.objectName():
            LadoContactForm.setObjectName(u"LadoContactForm")
        LadoContactForm.resize(1100, 680)
        self.outerLayout = QVBoxLayout(LadoContactForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.formTitle = QLabel(LadoContactForm)
        self.formTitle.setObjectName(u"formTitle")

        self.headerLayout.addWidget(self.formTitle)

        self.headerStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerStretch)

        self.relatedText = QLabel(LadoContactForm)
        self.relatedText.setObjectName(u"relatedText")

        self.headerLayout.addWidget(self.relatedText)

        self.relatedShow = QPushButton(LadoContactForm)
        self.relatedShow.setObjectName(u"relatedShow")

        self.headerLayout.addWidget(self.relatedShow)


        self.outerLayout.addLayout(self.headerLayout)

        self.messages = QLabel(LadoContactForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)

        self.outerLayout.addWidget(self.messages)

        self.scrollArea = QScrollArea(LadoContactForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.contents = QWidget()
        self.contents.setObjectName(u"contents")
        self.columnsLayout = QGridLayout(self.contents)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.column1 = QVBoxLayout()
        self.column1.setObjectName(u"column1")
        self.contactGroup = QGroupBox(self.contents)
        self.contactGroup.setObjectName(u"contactGroup")
        self.contactLayout = QFormLayout(self.contactGroup)
        self.contactLayout.setObjectName(u"contactLayout")
        self.contactLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.contactLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.refLabel = QLabel(self.contactGroup)
        self.refLabel.setObjectName(u"refLabel")

        self.contactLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.refLabel)

        self.ref = QLineEdit(self.contactGroup)
        self.ref.setObjectName(u"ref")
        self.ref.setReadOnly(True)

        self.contactLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ref)

        self.threshold_metLabel = QLabel(self.contactGroup)
        self.threshold_metLabel.setObjectName(u"threshold_metLabel")

        self.contactLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.threshold_metLabel)

        self.threshold_met = QComboBox(self.contactGroup)
        self.threshold_met.setObjectName(u"threshold_met")
        self.threshold_met.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.threshold_met.setMinimumContentsLength(16)

        self.contactLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.threshold_met)

        self.threshold_decision_dateLabel = QLabel(self.contactGroup)
        self.threshold_decision_dateLabel.setObjectName(u"threshold_decision_dateLabel")

        self.contactLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.threshold_decision_dateLabel)

        self.threshold_decision_date = UkDateEdit(self.contactGroup)
        self.threshold_decision_date.setObjectName(u"threshold_decision_date")
        self.threshold_decision_date.setMaximumSize(QSize(130, 16777215))

        self.contactLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.threshold_decision_date)

        self.date_receivedLabel = QLabel(self.contactGroup)
        self.date_receivedLabel.setObjectName(u"date_receivedLabel")

        self.contactLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.date_receivedLabel)

        self.date_received = UkDateEdit(self.contactGroup)
        self.date_received.setObjectName(u"date_received")
        self.date_received.setMaximumSize(QSize(130, 16777215))

        self.contactLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.date_received)

        self.date_allegation_knownLabel = QLabel(self.contactGroup)
        self.date_allegation_knownLabel.setObjectName(u"date_allegation_knownLabel")

        self.contactLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.date_allegation_knownLabel)

        self.date_allegation_known = UkDateEdit(self.contactGroup)
        self.date_allegation_known.setObjectName(u"date_allegation_known")
        self.date_allegation_known.setMaximumSize(QSize(130, 16777215))

        self.contactLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date_allegation_known)

        self.date_of_incidentLabel = QLabel(self.contactGroup)
        self.date_of_incidentLabel.setObjectName(u"date_of_incidentLabel")

        self.contactLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.date_of_incidentLabel)

        self.date_of_incident = UkDateEdit(self.contactGroup)
        self.date_of_incident.setObjectName(u"date_of_incident")
        self.date_of_incident.setMaximumSize(QSize(130, 16777215))

        self.contactLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.date_of_incident)

        self.contact_methodLabel = QLabel(self.contactGroup)
        self.contact_methodLabel.setObjectName(u"contact_methodLabel")

        self.contactLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.contact_methodLabel)

        self.contact_method = QComboBox(self.contactGroup)
        self.contact_method.setObjectName(u"contact_method")
        self.contact_method.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.contact_method.setMinimumContentsLength(16)

        self.contactLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.contact_method)

        self.referral_source_typeLabel = QLabel(self.contactGroup)
        self.referral_source_typeLabel.setObjectName(u"referral_source_typeLabel")

        self.contactLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.referral_source_typeLabel)

        self.referral_source_type = QComboBox(self.contactGroup)
        self.referral_source_type.setObjectName(u"referral_source_type")
        self.referral_source_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.referral_source_type.setMinimumContentsLength(16)

        self.contactLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.referral_source_type)

        self.referrer_agency_idLabel = QLabel(self.contactGroup)
        self.referrer_agency_idLabel.setObjectName(u"referrer_agency_idLabel")

        self.contactLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.referrer_agency_idLabel)

        self.referrer_agency_id = QComboBox(self.contactGroup)
        self.referrer_agency_id.setObjectName(u"referrer_agency_id")
        self.referrer_agency_id.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.referrer_agency_id.setMinimumContentsLength(16)

        self.contactLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.referrer_agency_id)

        self.referrer_nameLabel = QLabel(self.contactGroup)
        self.referrer_nameLabel.setObjectName(u"referrer_nameLabel")

        self.contactLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.referrer_nameLabel)

        self.referrer_name = QLineEdit(self.contactGroup)
        self.referrer_name.setObjectName(u"referrer_name")
        self.referrer_name.setMaxLength(200)

        self.contactLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.referrer_name)

        self.referrer_roleLabel = QLabel(self.contactGroup)
        self.referrer_roleLabel.setObjectName(u"referrer_roleLabel")

        self.contactLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.referrer_roleLabel)

        self.referrer_role = QLineEdit(self.contactGroup)
        self.referrer_role.setObjectName(u"referrer_role")
        self.referrer_role.setMaxLength(200)

        self.contactLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.referrer_role)

        self.lado_officerLabel = QLabel(self.contactGroup)
        self.lado_officerLabel.setObjectName(u"lado_officerLabel")

        self.contactLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.lado_officerLabel)

        self.lado_officer = QLineEdit(self.contactGroup)
        self.lado_officer.setObjectName(u"lado_officer")
        self.lado_officer.setMaxLength(120)

        self.contactLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.lado_officer)


        self.column1.addWidget(self.contactGroup)

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

        self.outcome_dateLabel = QLabel(self.outcomeGroup)
        self.outcome_dateLabel.setObjectName(u"outcome_dateLabel")

        self.outcomeLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outcome_dateLabel)

        self.outcome_date = UkDateEdit(self.outcomeGroup)
        self.outcome_date.setObjectName(u"outcome_date")
        self.outcome_date.setMaximumSize(QSize(130, 16777215))

        self.outcomeLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outcome_date)

        self.date_closedLabel = QLabel(self.outcomeGroup)
        self.date_closedLabel.setObjectName(u"date_closedLabel")

        self.outcomeLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.date_closedLabel)

        self.date_closed = UkDateEdit(self.outcomeGroup)
        self.date_closed.setObjectName(u"date_closed")
        self.date_closed.setMaximumSize(QSize(130, 16777215))

        self.outcomeLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.date_closed)

        self.closure_reasonLabel = QLabel(self.outcomeGroup)
        self.closure_reasonLabel.setObjectName(u"closure_reasonLabel")

        self.outcomeLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.closure_reasonLabel)

        self.closure_reason = QComboBox(self.outcomeGroup)
        self.closure_reason.setObjectName(u"closure_reason")
        self.closure_reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.closure_reason.setMinimumContentsLength(16)

        self.outcomeLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.closure_reason)

        self.lessons_learnedLabel = QLabel(self.outcomeGroup)
        self.lessons_learnedLabel.setObjectName(u"lessons_learnedLabel")

        self.outcomeLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lessons_learnedLabel)

        self.lessons_learned = QPlainTextEdit(self.outcomeGroup)
        self.lessons_learned.setObjectName(u"lessons_learned")
        self.lessons_learned.setTabChangesFocus(True)
        self.lessons_learned.setMinimumSize(QSize(0, 50))
        self.lessons_learned.setMaximumSize(QSize(16777215, 90))

        self.outcomeLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.lessons_learned)

        self.change_reasonLabel = QLabel(self.outcomeGroup)
        self.change_reasonLabel.setObjectName(u"change_reasonLabel")

        self.outcomeLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.change_reasonLabel)

        self.change_reason = QLineEdit(self.outcomeGroup)
        self.change_reason.setObjectName(u"change_reason")

        self.outcomeLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.change_reason)


        self.column1.addWidget(self.outcomeGroup)

        self.column1Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column1.addItem(self.column1Stretch)


        self.columnsLayout.addLayout(self.column1, 0, 0, 3, 1)

        self.column2 = QVBoxLayout()
        self.column2.setObjectName(u"column2")
        self.employerGroup = QGroupBox(self.contents)
        self.employerGroup.setObjectName(u"employerGroup")
        self.employerLayout = QFormLayout(self.employerGroup)
        self.employerLayout.setObjectName(u"employerLayout")
        self.employerLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.employerLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.employer_nameLabel = QLabel(self.employerGroup)
        self.employer_nameLabel.setObjectName(u"employer_nameLabel")

        self.employerLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.employer_nameLabel)

        self.employer_name = QLineEdit(self.employerGroup)
        self.employer_name.setObjectName(u"employer_name")
        self.employer_name.setMaxLength(200)

        self.employerLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.employer_name)

        self.employment_sectorLabel = QLabel(self.employerGroup)
        self.employment_sectorLabel.setObjectName(u"employment_sectorLabel")

        self.employerLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.employment_sectorLabel)

        self.employment_sector = QComboBox(self.employerGroup)
        self.employment_sector.setObjectName(u"employment_sector")
        self.employment_sector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.employment_sector.setMinimumContentsLength(16)

        self.employerLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.employment_sector)

        self.setting_typeLabel = QLabel(self.employerGroup)
        self.setting_typeLabel.setObjectName(u"setting_typeLabel")

        self.employerLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.setting_typeLabel)

        self.setting_type = QComboBox(self.employerGroup)
        self.setting_type.setObjectName(u"setting_type")
        self.setting_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setting_type.setMinimumContentsLength(16)

        self.employerLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.setting_type)

        self.subject_roleLabel = QLabel(self.employerGroup)
        self.subject_roleLabel.setObjectName(u"subject_roleLabel")

        self.employerLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.subject_roleLabel)

        self.subject_role = QLineEdit(self.employerGroup)
        self.subject_role.setObjectName(u"subject_role")
        self.subject_role.setMaxLength(100)

        self.employerLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.subject_role)

        self.subject_employment_basisLabel = QLabel(self.employerGroup)
        self.subject_employment_basisLabel.setObjectName(u"subject_employment_basisLabel")

        self.employerLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.subject_employment_basisLabel)

        self.subject_employment_basis = QComboBox(self.employerGroup)
        self.subject_employment_basis.setObjectName(u"subject_employment_basis")
        self.subject_employment_basis.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.subject_employment_basis.setMinimumContentsLength(16)

        self.employerLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.subject_employment_basis)

        self.previous_allegations_knownLabel = QLabel(self.employerGroup)
        self.previous_allegations_knownLabel.setObjectName(u"previous_allegations_knownLabel")

        self.employerLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.previous_allegations_knownLabel)

        self.previous_allegations_known = QComboBox(self.employerGroup)
        self.previous_allegations_known.setObjectName(u"previous_allegations_known")
        self.previous_allegations_known.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.previous_allegations_known.setMinimumContentsLength(10)

        self.employerLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.previous_allegations_known)

        self.linked_case_refLabel = QLabel(self.employerGroup)
        self.linked_case_refLabel.setObjectName(u"linked_case_refLabel")

        self.employerLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.linked_case_refLabel)

        self.linked_case_ref = QLineEdit(self.employerGroup)
        self.linked_case_ref.setObjectName(u"linked_case_ref")
        self.linked_case_ref.setMaxLength(20)

        self.employerLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.linked_case_ref)


        self.column2.addWidget(self.employerGroup)

        self.subjectGroup = QGroupBox(self.contents)
        self.subjectGroup.setObjectName(u"subjectGroup")
        self.subjectLayout = QFormLayout(self.subjectGroup)
        self.subjectLayout.setObjectName(u"subjectLayout")
        self.subjectLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.subjectLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.subject_named = QCheckBox(self.subjectGroup)
        self.subject_named.setObjectName(u"subject_named")

        self.subjectLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.subject_named)

        self.subject_nameLabel = QLabel(self.subjectGroup)
        self.subject_nameLabel.setObjectName(u"subject_nameLabel")

        self.subjectLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.subject_nameLabel)

        self.subject_name = QLineEdit(self.subjectGroup)
        self.subject_name.setObjectName(u"subject_name")
        self.subject_name.setMaxLength(200)

        self.subjectLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.subject_name)

        self.subject_sexLabel = QLabel(self.subjectGroup)
        self.subject_sexLabel.setObjectName(u"subject_sexLabel")

        self.subjectLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subject_sexLabel)

        self.subject_sex = QComboBox(self.subjectGroup)
        self.subject_sex.setObjectName(u"subject_sex")
        self.subject_sex.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.subject_sex.setMinimumContentsLength(16)

        self.subjectLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subject_sex)

        self.subject_dobLabel = QLabel(self.subjectGroup)
        self.subject_dobLabel.setObjectName(u"subject_dobLabel")

        self.subjectLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.subject_dobLabel)

        self.subject_dob = UkDateEdit(self.subjectGroup)
        self.subject_dob.setObjectName(u"subject_dob")
        self.subject_dob.setMaximumSize(QSize(130, 16777215))

        self.subjectLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.subject_dob)

        self.subject_ethnicityLabel = QLabel(self.subjectGroup)
        self.subject_ethnicityLabel.setObjectName(u"subject_ethnicityLabel")

        self.subjectLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.subject_ethnicityLabel)

        self.subject_ethnicity = QComboBox(self.subjectGroup)
        self.subject_ethnicity.setObjectName(u"subject_ethnicity")
        self.subject_ethnicity.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.subject_ethnicity.setMinimumContentsLength(16)

        self.subjectLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.subject_ethnicity)

        self.subject_other_rolesLabel = QLabel(self.subjectGroup)
        self.subject_other_rolesLabel.setObjectName(u"subject_other_rolesLabel")

        self.subjectLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.subject_other_rolesLabel)

        self.subject_other_roles = QLineEdit(self.subjectGroup)
        self.subject_other_roles.setObjectName(u"subject_other_roles")
        self.subject_other_roles.setMaxLength(2000)

        self.subjectLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.subject_other_roles)


        self.column2.addWidget(self.subjectGroup)

        self.column2Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column2.addItem(self.column2Stretch)


        self.columnsLayout.addLayout(self.column2, 0, 1, 1, 1)

        self.column3 = QVBoxLayout()
        self.column3.setObjectName(u"column3")
        self.allegationGroup = QGroupBox(self.contents)
        self.allegationGroup.setObjectName(u"allegationGroup")
        self.allegationLayout = QFormLayout(self.allegationGroup)
        self.allegationLayout.setObjectName(u"allegationLayout")
        self.allegationLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.allegationLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.abuse_categoryLabel = QLabel(self.allegationGroup)
        self.abuse_categoryLabel.setObjectName(u"abuse_categoryLabel")

        self.allegationLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.abuse_categoryLabel)

        self.abuse_category = CodeChecklist(self.allegationGroup)
        self.abuse_category.setObjectName(u"abuse_category")

        self.allegationLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.abuse_category)

        self.harm_criteriaLabel = QLabel(self.allegationGroup)
        self.harm_criteriaLabel.setObjectName(u"harm_criteriaLabel")

        self.allegationLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.harm_criteriaLabel)

        self.harm_criteria = CodeChecklist(self.allegationGroup)
        self.harm_criteria.setObjectName(u"harm_criteria")

        self.allegationLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.harm_criteria)

        self.followed_physical_interventionLabel = QLabel(self.allegationGroup)
        self.followed_physical_interventionLabel.setObjectName(u"followed_physical_interventionLabel")

        self.allegationLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.followed_physical_interventionLabel)

        self.followed_physical_intervention = QComboBox(self.allegationGroup)
        self.followed_physical_intervention.setObjectName(u"followed_physical_intervention")
        self.followed_physical_intervention.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.followed_physical_intervention.setMinimumContentsLength(10)

        self.allegationLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.followed_physical_intervention)

        self.child_countLabel = QLabel(self.allegationGroup)
        self.child_countLabel.setObjectName(u"child_countLabel")

        self.allegationLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.child_countLabel)

        self.child_count = QSpinBox(self.allegationGroup)
        self.child_count.setObjectName(u"child_count")
        self.child_count.setMinimum(-1)
        self.child_count.setMaximum(999)
        self.child_count.setMaximumSize(QSize(130, 16777215))

        self.allegationLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.child_count)

        self.police_involved = QCheckBox(self.allegationGroup)
        self.police_involved.setObjectName(u"police_involved")

        self.allegationLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.police_involved)

        self.s47_enquiry = QCheckBox(self.allegationGroup)
        self.s47_enquiry.setObjectName(u"s47_enquiry")

        self.allegationLayout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.s47_enquiry)

        self.allegation_detailsLabel = QLabel(self.allegationGroup)
        self.allegation_detailsLabel.setObjectName(u"allegation_detailsLabel")

        self.allegationLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.allegation_detailsLabel)

        self.allegation_details = QPlainTextEdit(self.allegationGroup)
        self.allegation_details.setObjectName(u"allegation_details")
        self.allegation_details.setTabChangesFocus(True)
        self.allegation_details.setMinimumSize(QSize(0, 60))
        self.allegation_details.setMaximumSize(QSize(16777215, 100))

        self.allegationLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.allegation_details)


        self.column3.addWidget(self.allegationGroup)

        self.column3Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column3.addItem(self.column3Stretch)


        self.columnsLayout.addLayout(self.column3, 0, 2, 1, 1)

        self.column23 = QVBoxLayout()
        self.column23.setObjectName(u"column23")
        self.followUpGroup = QGroupBox(self.contents)
        self.followUpGroup.setObjectName(u"followUpGroup")
        self.followUpLayout = QGridLayout(self.followUpGroup)
        self.followUpLayout.setObjectName(u"followUpLayout")
        self.followUpTable = QTableWidget(self.followUpGroup)
        self.followUpTable.setObjectName(u"followUpTable")
        self.followUpTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.followUpTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.followUpTable.setTabKeyNavigation(False)
        self.followUpTable.setMinimumSize(QSize(0, 90))
        self.followUpTable.setMaximumSize(QSize(16777215, 140))
        self.followUpTable.horizontalHeader().setStretchLastSection(True)
        self.followUpTable.verticalHeader().setVisible(False)

        self.followUpLayout.addWidget(self.followUpTable, 0, 0, 1, 3)

        self.followUpRowButtons = QVBoxLayout()
        self.followUpRowButtons.setObjectName(u"followUpRowButtons")
        self.editRowButton = QPushButton(self.followUpGroup)
        self.editRowButton.setObjectName(u"editRowButton")

        self.followUpRowButtons.addWidget(self.editRowButton)

        self.deleteRowButton = QPushButton(self.followUpGroup)
        self.deleteRowButton.setObjectName(u"deleteRowButton")

        self.followUpRowButtons.addWidget(self.deleteRowButton)

        self.followUpRowStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.followUpRowButtons.addItem(self.followUpRowStretch)


        self.followUpLayout.addLayout(self.followUpRowButtons, 0, 3, 1, 1)

        self.meetingType = QComboBox(self.followUpGroup)
        self.meetingType.setObjectName(u"meetingType")
        self.meetingType.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meetingType.setMinimumContentsLength(16)

        self.followUpLayout.addWidget(self.meetingType, 1, 0, 1, 1)

        self.meetingDate = UkDateEdit(self.followUpGroup)
        self.meetingDate.setObjectName(u"meetingDate")
        self.meetingDate.setMaximumSize(QSize(130, 16777215))

        self.followUpLayout.addWidget(self.meetingDate, 1, 1, 1, 1)

        self.meetingNotes = QLineEdit(self.followUpGroup)
        self.meetingNotes.setObjectName(u"meetingNotes")

        self.followUpLayout.addWidget(self.meetingNotes, 1, 2, 1, 1)

        self.addMeetingButton = QPushButton(self.followUpGroup)
        self.addMeetingButton.setObjectName(u"addMeetingButton")

        self.followUpLayout.addWidget(self.addMeetingButton, 1, 3, 1, 1)

        self.actionType = QComboBox(self.followUpGroup)
        self.actionType.setObjectName(u"actionType")
        self.actionType.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.actionType.setMinimumContentsLength(16)

        self.followUpLayout.addWidget(self.actionType, 2, 0, 1, 1)

        self.actionDate = UkDateEdit(self.followUpGroup)
        self.actionDate.setObjectName(u"actionDate")
        self.actionDate.setMaximumSize(QSize(130, 16777215))

        self.followUpLayout.addWidget(self.actionDate, 2, 1, 1, 1)

        self.actionNotes = QLineEdit(self.followUpGroup)
        self.actionNotes.setObjectName(u"actionNotes")

        self.followUpLayout.addWidget(self.actionNotes, 2, 2, 1, 1)

        self.addActionButton = QPushButton(self.followUpGroup)
        self.addActionButton.setObjectName(u"addActionButton")

        self.followUpLayout.addWidget(self.addActionButton, 2, 3, 1, 1)

        self.followUpMessage = QLabel(self.followUpGroup)
        self.followUpMessage.setObjectName(u"followUpMessage")
        self.followUpMessage.setWordWrap(True)

        self.followUpLayout.addWidget(self.followUpMessage, 3, 0, 1, 4)

        self.followUpLayout.setColumnStretch(0, 2)
        self.followUpLayout.setColumnStretch(1, 1)
        self.followUpLayout.setColumnStretch(2, 3)

        self.column23.addWidget(self.followUpGroup)

        self.column23Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column23.addItem(self.column23Stretch)


        self.columnsLayout.addLayout(self.column23, 1, 1, 1, 2)

        self.retentionGroup = QGroupBox(self.contents)
        self.retentionGroup.setObjectName(u"retentionGroup")
        self.retentionLayout = QHBoxLayout(self.retentionGroup)
        self.retentionLayout.setObjectName(u"retentionLayout")
        self.retentionTexts = QVBoxLayout()
        self.retentionTexts.setObjectName(u"retentionTexts")
        self.retentionText = QLabel(self.retentionGroup)
        self.retentionText.setObjectName(u"retentionText")
        self.retentionText.setWordWrap(True)
        self.retentionText.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.retentionTexts.addWidget(self.retentionText)

        self.holdText = QLabel(self.retentionGroup)
        self.holdText.setObjectName(u"holdText")
        self.holdText.setWordWrap(True)
        self.holdText.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.retentionTexts.addWidget(self.holdText)


        self.retentionLayout.addLayout(self.retentionTexts)

        self.retentionButtons = QHBoxLayout()
        self.retentionButtons.setObjectName(u"retentionButtons")
        self.holdButton = QPushButton(self.retentionGroup)
        self.holdButton.setObjectName(u"holdButton")

        self.retentionButtons.addWidget(self.holdButton)

        self.redactButton = QPushButton(self.retentionGroup)
        self.redactButton.setObjectName(u"redactButton")

        self.retentionButtons.addWidget(self.redactButton)

        self.deleteButton = QPushButton(self.retentionGroup)
        self.deleteButton.setObjectName(u"deleteButton")

        self.retentionButtons.addWidget(self.deleteButton)


        self.retentionLayout.addLayout(self.retentionButtons)

        self.retentionLayout.setStretch(0, 1)

        self.columnsLayout.addWidget(self.retentionGroup, 2, 1, 1, 2)

        self.columnsLayout.setColumnStretch(0, 1)
        self.columnsLayout.setColumnStretch(1, 1)
        self.columnsLayout.setColumnStretch(2, 1)
        self.scrollArea.setWidget(self.contents)

        self.outerLayout.addWidget(self.scrollArea)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.backButton = QPushButton(LadoContactForm)
        self.backButton.setObjectName(u"backButton")

        self.buttonLayout.addWidget(self.backButton)

        self.buttonStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonStretch)

        self.saveButton = QPushButton(LadoContactForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.saveCloseButton = QPushButton(LadoContactForm)
        self.saveCloseButton.setObjectName(u"saveCloseButton")

        self.buttonLayout.addWidget(self.saveCloseButton)


        self.outerLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.refLabel.setBuddy(self.ref)
        self.threshold_metLabel.setBuddy(self.threshold_met)
        self.threshold_decision_dateLabel.setBuddy(self.threshold_decision_date)
        self.date_receivedLabel.setBuddy(self.date_received)
        self.date_allegation_knownLabel.setBuddy(self.date_allegation_known)
        self.date_of_incidentLabel.setBuddy(self.date_of_incident)
        self.contact_methodLabel.setBuddy(self.contact_method)
        self.referral_source_typeLabel.setBuddy(self.referral_source_type)
        self.referrer_agency_idLabel.setBuddy(self.referrer_agency_id)
        self.referrer_nameLabel.setBuddy(self.referrer_name)
        self.referrer_roleLabel.setBuddy(self.referrer_role)
        self.lado_officerLabel.setBuddy(self.lado_officer)
        self.outcomeLabel.setBuddy(self.outcome)
        self.outcome_dateLabel.setBuddy(self.outcome_date)
        self.date_closedLabel.setBuddy(self.date_closed)
        self.closure_reasonLabel.setBuddy(self.closure_reason)
        self.lessons_learnedLabel.setBuddy(self.lessons_learned)
        self.change_reasonLabel.setBuddy(self.change_reason)
        self.employer_nameLabel.setBuddy(self.employer_name)
        self.employment_sectorLabel.setBuddy(self.employment_sector)
        self.setting_typeLabel.setBuddy(self.setting_type)
        self.subject_roleLabel.setBuddy(self.subject_role)
        self.subject_employment_basisLabel.setBuddy(self.subject_employment_basis)
        self.previous_allegations_knownLabel.setBuddy(self.previous_allegations_known)
        self.linked_case_refLabel.setBuddy(self.linked_case_ref)
        self.subject_nameLabel.setBuddy(self.subject_name)
        self.subject_sexLabel.setBuddy(self.subject_sex)
        self.subject_dobLabel.setBuddy(self.subject_dob)
        self.subject_ethnicityLabel.setBuddy(self.subject_ethnicity)
        self.subject_other_rolesLabel.setBuddy(self.subject_other_roles)
        self.abuse_categoryLabel.setBuddy(self.abuse_category)
        self.harm_criteriaLabel.setBuddy(self.harm_criteria)
        self.followed_physical_interventionLabel.setBuddy(self.followed_physical_intervention)
        self.child_countLabel.setBuddy(self.child_count)
        self.allegation_detailsLabel.setBuddy(self.allegation_details)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.threshold_met, self.threshold_decision_date)
        QWidget.setTabOrder(self.threshold_decision_date, self.date_received)
        QWidget.setTabOrder(self.date_received, self.date_allegation_known)
        QWidget.setTabOrder(self.date_allegation_known, self.date_of_incident)
        QWidget.setTabOrder(self.date_of_incident, self.contact_method)
        QWidget.setTabOrder(self.contact_method, self.referral_source_type)
        QWidget.setTabOrder(self.referral_source_type, self.referrer_agency_id)
        QWidget.setTabOrder(self.referrer_agency_id, self.referrer_name)
        QWidget.setTabOrder(self.referrer_name, self.referrer_role)
        QWidget.setTabOrder(self.referrer_role, self.lado_officer)
        QWidget.setTabOrder(self.lado_officer, self.employer_name)
        QWidget.setTabOrder(self.employer_name, self.employment_sector)
        QWidget.setTabOrder(self.employment_sector, self.setting_type)
        QWidget.setTabOrder(self.setting_type, self.subject_role)
        QWidget.setTabOrder(self.subject_role, self.subject_employment_basis)
        QWidget.setTabOrder(self.subject_employment_basis, self.previous_allegations_known)
        QWidget.setTabOrder(self.previous_allegations_known, self.linked_case_ref)
        QWidget.setTabOrder(self.linked_case_ref, self.subject_named)
        QWidget.setTabOrder(self.subject_named, self.subject_name)
        QWidget.setTabOrder(self.subject_name, self.subject_sex)
        QWidget.setTabOrder(self.subject_sex, self.subject_dob)
        QWidget.setTabOrder(self.subject_dob, self.subject_ethnicity)
        QWidget.setTabOrder(self.subject_ethnicity, self.subject_other_roles)
        QWidget.setTabOrder(self.subject_other_roles, self.abuse_category)
        QWidget.setTabOrder(self.abuse_category, self.harm_criteria)
        QWidget.setTabOrder(self.harm_criteria, self.followed_physical_intervention)
        QWidget.setTabOrder(self.followed_physical_intervention, self.child_count)
        QWidget.setTabOrder(self.child_count, self.police_involved)
        QWidget.setTabOrder(self.police_involved, self.s47_enquiry)
        QWidget.setTabOrder(self.s47_enquiry, self.allegation_details)
        QWidget.setTabOrder(self.allegation_details, self.outcome)
        QWidget.setTabOrder(self.outcome, self.outcome_date)
        QWidget.setTabOrder(self.outcome_date, self.date_closed)
        QWidget.setTabOrder(self.date_closed, self.closure_reason)
        QWidget.setTabOrder(self.closure_reason, self.lessons_learned)
        QWidget.setTabOrder(self.lessons_learned, self.change_reason)
        QWidget.setTabOrder(self.change_reason, self.followUpTable)
        QWidget.setTabOrder(self.followUpTable, self.editRowButton)
        QWidget.setTabOrder(self.editRowButton, self.deleteRowButton)
        QWidget.setTabOrder(self.deleteRowButton, self.meetingType)
        QWidget.setTabOrder(self.meetingType, self.meetingDate)
        QWidget.setTabOrder(self.meetingDate, self.meetingNotes)
        QWidget.setTabOrder(self.meetingNotes, self.addMeetingButton)
        QWidget.setTabOrder(self.addMeetingButton, self.actionType)
        QWidget.setTabOrder(self.actionType, self.actionDate)
        QWidget.setTabOrder(self.actionDate, self.actionNotes)
        QWidget.setTabOrder(self.actionNotes, self.addActionButton)
        QWidget.setTabOrder(self.addActionButton, self.holdButton)
        QWidget.setTabOrder(self.holdButton, self.redactButton)
        QWidget.setTabOrder(self.redactButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.relatedShow)
        QWidget.setTabOrder(self.relatedShow, self.backButton)
        QWidget.setTabOrder(self.backButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.saveCloseButton)
        QWidget.setTabOrder(self.saveCloseButton, self.ref)

        self.retranslateUi(LadoContactForm)

        QMetaObject.connectSlotsByName(LadoContactForm)
    # setupUi

    def retranslateUi(self, LadoContactForm):
        LadoContactForm.setWindowTitle(QCoreApplication.translate("LadoContactForm", u"LADO contact", None))
        self.formTitle.setText(QCoreApplication.translate("LadoContactForm", u"New LADO contact", None))
#if QT_CONFIG(accessibility)
        self.formTitle.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Form title", None))
#endif // QT_CONFIG(accessibility)
        self.relatedText.setText("")
#if QT_CONFIG(accessibility)
        self.relatedText.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Related contacts", None))
#endif // QT_CONFIG(accessibility)
        self.relatedShow.setText(QCoreApplication.translate("LadoContactForm", u"Sho&w", None))
#if QT_CONFIG(tooltip)
        self.relatedShow.setToolTip(QCoreApplication.translate("LadoContactForm", u"List the other contacts", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.messages.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Problems with this record", None))
#endif // QT_CONFIG(accessibility)
        self.contactGroup.setTitle(QCoreApplication.translate("LadoContactForm", u"Contact", None))
        self.refLabel.setText(QCoreApplication.translate("LadoContactForm", u"Reference", None))
#if QT_CONFIG(accessibility)
        self.ref.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Reference", None))
#endif // QT_CONFIG(accessibility)
        self.ref.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"Given when first saved", None))
        self.threshold_metLabel.setText(QCoreApplication.translate("LadoContactForm", u"T&ype", None))
#if QT_CONFIG(accessibility)
        self.threshold_met.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Consultation or threshold case", None))
#endif // QT_CONFIG(accessibility)
        self.threshold_decision_dateLabel.setText(QCoreApplication.translate("LadoContactForm", u"Threshold deci&ded", None))
#if QT_CONFIG(accessibility)
        self.threshold_decision_date.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Date the threshold decision was made", None))
#endif // QT_CONFIG(accessibility)
        self.threshold_decision_date.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"dd/mm/yyyy", None))
        self.date_receivedLabel.setText(QCoreApplication.translate("LadoContactForm", u"Date &received", None))
#if QT_CONFIG(accessibility)
        self.date_received.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Date received", None))
#endif // QT_CONFIG(accessibility)
        self.date_received.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"dd/mm/yyyy", None))
        self.date_allegation_knownLabel.setText(QCoreApplication.translate("LadoContactForm", u"Allegation &known", None))
#if QT_CONFIG(accessibility)
        self.date_allegation_known.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Date the allegation became known", None))
#endif // QT_CONFIG(accessibility)
        self.date_allegation_known.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"dd/mm/yyyy", None))
        self.date_of_incidentLabel.setText(QCoreApplication.translate("LadoContactForm", u"Date of i&ncident", None))
#if QT_CONFIG(accessibility)
        self.date_of_incident.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Date of incident", None))
#endif // QT_CONFIG(accessibility)
        self.date_of_incident.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"dd/mm/yyyy", None))
        self.contact_methodLabel.setText(QCoreApplication.translate("LadoContactForm", u"Contact &method", None))
#if QT_CONFIG(accessibility)
        self.contact_method.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Contact method", None))
#endif // QT_CONFIG(accessibility)
        self.referral_source_typeLabel.setText(QCoreApplication.translate("LadoContactForm", u"Referral so&urce", None))
#if QT_CONFIG(accessibility)
        self.referral_source_type.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Who made the referral", None))
#endif // QT_CONFIG(accessibility)
        self.referrer_agency_idLabel.setText(QCoreApplication.translate("LadoContactForm", u"Referrer a&gency", None))
#if QT_CONFIG(accessibility)
        self.referrer_agency_id.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Referrer's agency", None))
#endif // QT_CONFIG(accessibility)
        self.referrer_nameLabel.setText(QCoreApplication.translate("LadoContactForm", u"Referrer na&me", None))
#if QT_CONFIG(accessibility)
        self.referrer_name.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Referrer name", None))
#endif // QT_CONFIG(accessibility)
        self.referrer_roleLabel.setText(QCoreApplication.translate("LadoContactForm", u"Referrer r&ole", None))
#if QT_CONFIG(accessibility)
        self.referrer_role.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Referrer role", None))
#endif // QT_CONFIG(accessibility)
        self.lado_officerLabel.setText(QCoreApplication.translate("LadoContactForm", u"LADO &officer", None))
#if QT_CONFIG(accessibility)
        self.lado_officer.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"LADO officer handling the case", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeGroup.setTitle(QCoreApplication.translate("LadoContactForm", u"Outcome and closure", None))
        self.outcomeLabel.setText(QCoreApplication.translate("LadoContactForm", u"Out&come", None))
#if QT_CONFIG(accessibility)
        self.outcome.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Outcome", None))
#endif // QT_CONFIG(accessibility)
        self.outcome_dateLabel.setText(QCoreApplication.translate("LadoContactForm", u"Outcome da&te", None))
#if QT_CONFIG(accessibility)
        self.outcome_date.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Outcome date", None))
#endif // QT_CONFIG(accessibility)
        self.outcome_date.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"dd/mm/yyyy", None))
        self.date_closedLabel.setText(QCoreApplication.translate("LadoContactForm", u"Date c&losed", None))
#if QT_CONFIG(accessibility)
        self.date_closed.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Date closed", None))
#endif // QT_CONFIG(accessibility)
        self.date_closed.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"dd/mm/yyyy", None))
        self.closure_reasonLabel.setText(QCoreApplication.translate("LadoContactForm", u"Closure reaso&n", None))
#if QT_CONFIG(accessibility)
        self.closure_reason.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Closure reason", None))
#endif // QT_CONFIG(accessibility)
        self.lessons_learnedLabel.setText(QCoreApplication.translate("LadoContactForm", u"Le&ssons learned", None))
#if QT_CONFIG(accessibility)
        self.lessons_learned.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Lessons learned", None))
#endif // QT_CONFIG(accessibility)
        self.change_reasonLabel.setText(QCoreApplication.translate("LadoContactForm", u"Reason &for change", None))
#if QT_CONFIG(accessibility)
        self.change_reason.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Reason for changing a closed case", None))
#endif // QT_CONFIG(accessibility)
        self.change_reason.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"Needed to change a closed case", None))
        self.employerGroup.setTitle(QCoreApplication.translate("LadoContactForm", u"Employer", None))
        self.employer_nameLabel.setText(QCoreApplication.translate("LadoContactForm", u"&Employer", None))
#if QT_CONFIG(accessibility)
        self.employer_name.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Employer or organisation", None))
#endif // QT_CONFIG(accessibility)
        self.employment_sectorLabel.setText(QCoreApplication.translate("LadoContactForm", u"Se&ctor", None))
#if QT_CONFIG(accessibility)
        self.employment_sector.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Employment sector", None))
#endif // QT_CONFIG(accessibility)
        self.setting_typeLabel.setText(QCoreApplication.translate("LadoContactForm", u"Se&tting", None))
#if QT_CONFIG(accessibility)
        self.setting_type.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Setting type", None))
#endif // QT_CONFIG(accessibility)
        self.subject_roleLabel.setText(QCoreApplication.translate("LadoContactForm", u"Subject's ro&le", None))
#if QT_CONFIG(accessibility)
        self.subject_role.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Subject's job role", None))
#endif // QT_CONFIG(accessibility)
        self.subject_employment_basisLabel.setText(QCoreApplication.translate("LadoContactForm", u"Employment &basis", None))
#if QT_CONFIG(accessibility)
        self.subject_employment_basis.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Employment basis", None))
#endif // QT_CONFIG(accessibility)
        self.previous_allegations_knownLabel.setText(QCoreApplication.translate("LadoContactForm", u"Pre&vious allegations", None))
#if QT_CONFIG(accessibility)
        self.previous_allegations_known.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Previous allegations known about the subject", None))
#endif // QT_CONFIG(accessibility)
        self.linked_case_refLabel.setText(QCoreApplication.translate("LadoContactForm", u"Lin&ked case", None))
#if QT_CONFIG(accessibility)
        self.linked_case_ref.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Reference of a linked case (another subject in the same allegation)", None))
#endif // QT_CONFIG(accessibility)
        self.linked_case_ref.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"e.g. LADO-2016-0001", None))
        self.subjectGroup.setTitle(QCoreApplication.translate("LadoContactForm", u"Subject identity (optional for a consultation)", None))
        self.subject_named.setText(QCoreApplication.translate("LadoContactForm", u"Subject is name&d", None))
        self.subject_nameLabel.setText(QCoreApplication.translate("LadoContactForm", u"&Full name", None))
#if QT_CONFIG(accessibility)
        self.subject_name.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Subject's full name", None))
#endif // QT_CONFIG(accessibility)
        self.subject_sexLabel.setText(QCoreApplication.translate("LadoContactForm", u"Se&x", None))
#if QT_CONFIG(accessibility)
        self.subject_sex.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Subject's sex", None))
#endif // QT_CONFIG(accessibility)
        self.subject_dobLabel.setText(QCoreApplication.translate("LadoContactForm", u"Date of birt&h", None))
#if QT_CONFIG(accessibility)
        self.subject_dob.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Subject's date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.subject_dob.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"dd/mm/yyyy", None))
        self.subject_ethnicityLabel.setText(QCoreApplication.translate("LadoContactForm", u"Ethn&icity", None))
#if QT_CONFIG(accessibility)
        self.subject_ethnicity.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Subject's ethnicity", None))
#endif // QT_CONFIG(accessibility)
        self.subject_other_rolesLabel.setText(QCoreApplication.translate("LadoContactForm", u"Other ro&les", None))
#if QT_CONFIG(accessibility)
        self.subject_other_roles.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Subject's other roles with children", None))
#endif // QT_CONFIG(accessibility)
        self.subject_other_roles.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"Other roles with children", None))
        self.allegationGroup.setTitle(QCoreApplication.translate("LadoContactForm", u"Allegation", None))
        self.abuse_categoryLabel.setText(QCoreApplication.translate("LadoContactForm", u"Cate&gories of harm", None))
#if QT_CONFIG(accessibility)
        self.abuse_category.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Categories of harm", None))
#endif // QT_CONFIG(accessibility)
        self.harm_criteriaLabel.setText(QCoreApplication.translate("LadoContactForm", u"Harm c&riteria", None))
#if QT_CONFIG(accessibility)
        self.harm_criteria.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Harm criteria", None))
#endif // QT_CONFIG(accessibility)
        self.followed_physical_interventionLabel.setText(QCoreApplication.translate("LadoContactForm", u"If physical: after an authorised &restraint?", None))
#if QT_CONFIG(accessibility)
        self.followed_physical_intervention.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"If physical, did it follow an authorised physical intervention or restraint", None))
#endif // QT_CONFIG(accessibility)
        self.child_countLabel.setText(QCoreApplication.translate("LadoContactForm", u"&Number of children", None))
#if QT_CONFIG(accessibility)
        self.child_count.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Number of children involved", None))
#endif // QT_CONFIG(accessibility)
        self.child_count.setSpecialValueText(QCoreApplication.translate("LadoContactForm", u"Not recorded", None))
        self.police_involved.setText(QCoreApplication.translate("LadoContactForm", u"&Police involved", None))
        self.s47_enquiry.setText(QCoreApplication.translate("LadoContactForm", u"Section &47 enquiry", None))
        self.allegation_detailsLabel.setText(QCoreApplication.translate("LadoContactForm", u"&Details", None))
#if QT_CONFIG(accessibility)
        self.allegation_details.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Details of the allegation", None))
#endif // QT_CONFIG(accessibility)
        self.followUpGroup.setTitle(QCoreApplication.translate("LadoContactForm", u"Meetings and actions", None))
#if QT_CONFIG(accessibility)
        self.followUpTable.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Meetings and actions", None))
#endif // QT_CONFIG(accessibility)
        self.editRowButton.setText(QCoreApplication.translate("LadoContactForm", u"&Edit\u2026", None))
#if QT_CONFIG(tooltip)
        self.editRowButton.setToolTip(QCoreApplication.translate("LadoContactForm", u"Change the selected meeting or action (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.deleteRowButton.setText(QCoreApplication.translate("LadoContactForm", u"Dele&te\u2026", None))
#if QT_CONFIG(tooltip)
        self.deleteRowButton.setToolTip(QCoreApplication.translate("LadoContactForm", u"Delete the selected meeting or action (Delete)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.meetingType.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Meeting type", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.meetingDate.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Meeting date", None))
#endif // QT_CONFIG(accessibility)
        self.meetingDate.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"dd/mm/yyyy", None))
#if QT_CONFIG(accessibility)
        self.meetingNotes.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Meeting notes", None))
#endif // QT_CONFIG(accessibility)
        self.meetingNotes.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"Notes", None))
        self.addMeetingButton.setText(QCoreApplication.translate("LadoContactForm", u"Add meetin&g", None))
#if QT_CONFIG(accessibility)
        self.actionType.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Action type", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.actionDate.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Action date", None))
#endif // QT_CONFIG(accessibility)
        self.actionDate.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"dd/mm/yyyy", None))
#if QT_CONFIG(accessibility)
        self.actionNotes.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Action notes", None))
#endif // QT_CONFIG(accessibility)
        self.actionNotes.setPlaceholderText(QCoreApplication.translate("LadoContactForm", u"Notes", None))
        self.addActionButton.setText(QCoreApplication.translate("LadoContactForm", u"&Add action", None))
#if QT_CONFIG(accessibility)
        self.followUpMessage.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Meetings and actions message", None))
#endif // QT_CONFIG(accessibility)
        self.retentionGroup.setTitle(QCoreApplication.translate("LadoContactForm", u"Retention", None))
#if QT_CONFIG(accessibility)
        self.retentionText.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Retention review", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.holdText.setAccessibleName(QCoreApplication.translate("LadoContactForm", u"Retention hold", None))
#endif // QT_CONFIG(accessibility)
        self.holdButton.setText(QCoreApplication.translate("LadoContactForm", u"Place on &hold\u2026", None))
#if QT_CONFIG(tooltip)
        self.holdButton.setToolTip(QCoreApplication.translate("LadoContactForm", u"Place the record on a retention hold, or lift it", None))
#endif // QT_CONFIG(tooltip)
        self.redactButton.setText(QCoreApplication.translate("LadoContactForm", u"Redact details\u2026", None))
#if QT_CONFIG(tooltip)
        self.redactButton.setToolTip(QCoreApplication.translate("LadoContactForm", u"Remove the details of an allegation found malicious or false", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("LadoContactForm", u"Delete record\u2026", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("LadoContactForm", u"Delete this record after its retention review", None))
#endif // QT_CONFIG(tooltip)
        self.backButton.setText(QCoreApplication.translate("LadoContactForm", u"Back to list", None))
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("LadoContactForm", u"Return to the list (Esc)", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("LadoContactForm", u"&Save", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("LadoContactForm", u"Save and keep this record open (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveCloseButton.setText(QCoreApplication.translate("LadoContactForm", u"Save and close", None))
#if QT_CONFIG(tooltip)
        self.saveCloseButton.setToolTip(QCoreApplication.translate("LadoContactForm", u"Save and return to the list (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

