# Generated from ui/cdop_review_form.ui by hscb_desktop.gui.build_forms - do not edit.
from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from hscb_desktop.gui.cdop_common import (GroupedChecklist, SudiCombo, YesNoCombo)
from hscb_desktop.gui.checklist import CodeChecklist
from hscb_desktop.gui.record_form import UkDateEdit

class Ui_CdopReviewForm(object):
    def setupUi(self, CdopReviewForm):
        if not CdopReviewForm.objectName():
            CdopReviewForm.setObjectName(u"CdopReviewForm")
        CdopReviewForm.resize(1100, 640)
        self.outerLayout = QVBoxLayout(CdopReviewForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.formTitle = QLabel(CdopReviewForm)
        self.formTitle.setObjectName(u"formTitle")

        self.headerLayout.addWidget(self.formTitle)

        self.headerLayoutStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerLayoutStretch)

        self.stateText = QLabel(CdopReviewForm)
        self.stateText.setObjectName(u"stateText")

        self.headerLayout.addWidget(self.stateText)


        self.outerLayout.addLayout(self.headerLayout)

        self.messages = QLabel(CdopReviewForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)

        self.outerLayout.addWidget(self.messages)

        self.scrollArea = QScrollArea(CdopReviewForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.contents = QWidget()
        self.contents.setObjectName(u"contents")
        self.columnsLayout = QGridLayout(self.contents)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.column1 = QVBoxLayout()
        self.column1.setObjectName(u"column1")
        self.panelGroup = QGroupBox(self.contents)
        self.panelGroup.setObjectName(u"panelGroup")
        self.panelLayout = QFormLayout(self.panelGroup)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.panelLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.panel_meeting_idLabel = QLabel(self.panelGroup)
        self.panel_meeting_idLabel.setObjectName(u"panel_meeting_idLabel")

        self.panelLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.panel_meeting_idLabel)

        self.panel_meeting_id = QComboBox(self.panelGroup)
        self.panel_meeting_id.setObjectName(u"panel_meeting_id")

        self.panelLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.panel_meeting_id)

        self.review_completed_dateLabel = QLabel(self.panelGroup)
        self.review_completed_dateLabel.setObjectName(u"review_completed_dateLabel")

        self.panelLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.review_completed_dateLabel)

        self.review_completed_date = UkDateEdit(self.panelGroup)
        self.review_completed_date.setObjectName(u"review_completed_date")
        self.review_completed_date.setMaximumSize(QSize(120, 16777215))

        self.panelLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.review_completed_date)

        self.agencies_representedLabel = QLabel(self.panelGroup)
        self.agencies_representedLabel.setObjectName(u"agencies_representedLabel")

        self.panelLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.agencies_representedLabel)

        self.agencies_represented = CodeChecklist(self.panelGroup)
        self.agencies_represented.setObjectName(u"agencies_represented")

        self.panelLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.agencies_represented)


        self.column1.addWidget(self.panelGroup)

        self.categoryGroup = QGroupBox(self.contents)
        self.categoryGroup.setObjectName(u"categoryGroup")
        self.categoryLayout = QFormLayout(self.categoryGroup)
        self.categoryLayout.setObjectName(u"categoryLayout")
        self.categoryLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.categoryLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.categories_applicableLabel = QLabel(self.categoryGroup)
        self.categories_applicableLabel.setObjectName(u"categories_applicableLabel")

        self.categoryLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.categories_applicableLabel)

        self.categories_applicable = CodeChecklist(self.categoryGroup)
        self.categories_applicable.setObjectName(u"categories_applicable")

        self.categoryLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.categories_applicable)

        self.category_of_deathLabel = QLabel(self.categoryGroup)
        self.category_of_deathLabel.setObjectName(u"category_of_deathLabel")

        self.categoryLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.category_of_deathLabel)

        self.category_of_death = QComboBox(self.categoryGroup)
        self.category_of_death.setObjectName(u"category_of_death")

        self.categoryLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.category_of_death)

        self.categorySuggestion = QLabel(self.categoryGroup)
        self.categorySuggestion.setObjectName(u"categorySuggestion")
        self.categorySuggestion.setWordWrap(True)

        self.categoryLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.categorySuggestion)

        self.cause_of_death_textLabel = QLabel(self.categoryGroup)
        self.cause_of_death_textLabel.setObjectName(u"cause_of_death_textLabel")

        self.categoryLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.cause_of_death_textLabel)

        self.cause_of_death_text = QLineEdit(self.categoryGroup)
        self.cause_of_death_text.setObjectName(u"cause_of_death_text")

        self.categoryLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.cause_of_death_text)


        self.column1.addWidget(self.categoryGroup)

        self.column1Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column1.addItem(self.column1Stretch)


        self.columnsLayout.addLayout(self.column1, 0, 0, 1, 1)

        self.column2 = QVBoxLayout()
        self.column2.setObjectName(u"column2")
        self.domainGroup = QGroupBox(self.contents)
        self.domainGroup.setObjectName(u"domainGroup")
        self.domainLayout = QFormLayout(self.domainGroup)
        self.domainLayout.setObjectName(u"domainLayout")
        self.domainLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.domainLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.domain_schemeLabel = QLabel(self.domainGroup)
        self.domain_schemeLabel.setObjectName(u"domain_schemeLabel")

        self.domainLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.domain_schemeLabel)

        self.domain_scheme = QComboBox(self.domainGroup)
        self.domain_scheme.setObjectName(u"domain_scheme")

        self.domainLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.domain_scheme)

        self.domain_1_scoreLabel = QLabel(self.domainGroup)
        self.domain_1_scoreLabel.setObjectName(u"domain_1_scoreLabel")

        self.domainLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.domain_1_scoreLabel)

        self.domain_1_score = QComboBox(self.domainGroup)
        self.domain_1_score.setObjectName(u"domain_1_score")

        self.domainLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.domain_1_score)

        self.domain_2_scoreLabel = QLabel(self.domainGroup)
        self.domain_2_scoreLabel.setObjectName(u"domain_2_scoreLabel")

        self.domainLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.domain_2_scoreLabel)

        self.domain_2_score = QComboBox(self.domainGroup)
        self.domain_2_score.setObjectName(u"domain_2_score")

        self.domainLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.domain_2_score)

        self.domain_3_scoreLabel = QLabel(self.domainGroup)
        self.domain_3_scoreLabel.setObjectName(u"domain_3_scoreLabel")

        self.domainLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.domain_3_scoreLabel)

        self.domain_3_score = QComboBox(self.domainGroup)
        self.domain_3_score.setObjectName(u"domain_3_score")

        self.domainLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.domain_3_score)

        self.domain_4_scoreLabel = QLabel(self.domainGroup)
        self.domain_4_scoreLabel.setObjectName(u"domain_4_scoreLabel")

        self.domainLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.domain_4_scoreLabel)

        self.domain_4_score = QComboBox(self.domainGroup)
        self.domain_4_score.setObjectName(u"domain_4_score")

        self.domainLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.domain_4_score)


        self.column2.addWidget(self.domainGroup)

        self.modifiableGroup = QGroupBox(self.contents)
        self.modifiableGroup.setObjectName(u"modifiableGroup")
        self.modifiableLayout = QFormLayout(self.modifiableGroup)
        self.modifiableLayout.setObjectName(u"modifiableLayout")
        self.modifiableLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.modifiableLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.modifiable_factorsLabel = QLabel(self.modifiableGroup)
        self.modifiable_factorsLabel.setObjectName(u"modifiable_factorsLabel")

        self.modifiableLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.modifiable_factorsLabel)

        self.modifiable_factors = QComboBox(self.modifiableGroup)
        self.modifiable_factors.setObjectName(u"modifiable_factors")

        self.modifiableLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.modifiable_factors)

        self.modifiable_factors_textLabel = QLabel(self.modifiableGroup)
        self.modifiable_factors_textLabel.setObjectName(u"modifiable_factors_textLabel")

        self.modifiableLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.modifiable_factors_textLabel)

        self.modifiable_factors_text = QPlainTextEdit(self.modifiableGroup)
        self.modifiable_factors_text.setObjectName(u"modifiable_factors_text")
        self.modifiable_factors_text.setTabChangesFocus(True)
        self.modifiable_factors_text.setMaximumSize(QSize(16777215, 70))

        self.modifiableLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.modifiable_factors_text)


        self.column2.addWidget(self.modifiableGroup)

        self.sudiGroup = QGroupBox(self.contents)
        self.sudiGroup.setObjectName(u"sudiGroup")
        self.sudiLayout = QFormLayout(self.sudiGroup)
        self.sudiLayout.setObjectName(u"sudiLayout")
        self.sudiLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.sudiLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.sudden_deathLabel = QLabel(self.sudiGroup)
        self.sudden_deathLabel.setObjectName(u"sudden_deathLabel")

        self.sudiLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sudden_deathLabel)

        self.sudden_death = YesNoCombo(self.sudiGroup)
        self.sudden_death.setObjectName(u"sudden_death")
        self.sudden_death.setMaximumSize(QSize(140, 16777215))

        self.sudiLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sudden_death)

        self.sudiLabel = QLabel(self.sudiGroup)
        self.sudiLabel.setObjectName(u"sudiLabel")

        self.sudiLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sudiLabel)

        self.sudi = SudiCombo(self.sudiGroup)
        self.sudi.setObjectName(u"sudi")
        self.sudi.setMaximumSize(QSize(180, 16777215))

        self.sudiLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sudi)

        self.sudiSuggestion = QLabel(self.sudiGroup)
        self.sudiSuggestion.setObjectName(u"sudiSuggestion")
        self.sudiSuggestion.setWordWrap(True)

        self.sudiLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.sudiSuggestion)

        self.co_sleepingLabel = QLabel(self.sudiGroup)
        self.co_sleepingLabel.setObjectName(u"co_sleepingLabel")

        self.sudiLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.co_sleepingLabel)

        self.co_sleeping = QComboBox(self.sudiGroup)
        self.co_sleeping.setObjectName(u"co_sleeping")
        self.co_sleeping.setMaximumSize(QSize(140, 16777215))

        self.sudiLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.co_sleeping)

        self.smoking_in_householdLabel = QLabel(self.sudiGroup)
        self.smoking_in_householdLabel.setObjectName(u"smoking_in_householdLabel")

        self.sudiLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.smoking_in_householdLabel)

        self.smoking_in_household = QComboBox(self.sudiGroup)
        self.smoking_in_household.setObjectName(u"smoking_in_household")
        self.smoking_in_household.setMaximumSize(QSize(140, 16777215))

        self.sudiLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.smoking_in_household)

        self.smoking_in_pregnancyLabel = QLabel(self.sudiGroup)
        self.smoking_in_pregnancyLabel.setObjectName(u"smoking_in_pregnancyLabel")

        self.sudiLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.smoking_in_pregnancyLabel)

        self.smoking_in_pregnancy = QComboBox(self.sudiGroup)
        self.smoking_in_pregnancy.setObjectName(u"smoking_in_pregnancy")
        self.smoking_in_pregnancy.setMaximumSize(QSize(140, 16777215))

        self.sudiLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.smoking_in_pregnancy)

        self.alcohol_or_drugs_carerLabel = QLabel(self.sudiGroup)
        self.alcohol_or_drugs_carerLabel.setObjectName(u"alcohol_or_drugs_carerLabel")

        self.sudiLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.alcohol_or_drugs_carerLabel)

        self.alcohol_or_drugs_carer = QComboBox(self.sudiGroup)
        self.alcohol_or_drugs_carer.setObjectName(u"alcohol_or_drugs_carer")
        self.alcohol_or_drugs_carer.setMaximumSize(QSize(140, 16777215))

        self.sudiLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.alcohol_or_drugs_carer)


        self.column2.addWidget(self.sudiGroup)

        self.column2Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column2.addItem(self.column2Stretch)


        self.columnsLayout.addLayout(self.column2, 0, 1, 1, 1)

        self.column3 = QVBoxLayout()
        self.column3.setObjectName(u"column3")
        self.factorGroup = QGroupBox(self.contents)
        self.factorGroup.setObjectName(u"factorGroup")
        self.factorLayout = QFormLayout(self.factorGroup)
        self.factorLayout.setObjectName(u"factorLayout")
        self.factorLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.factorLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.factors = GroupedChecklist(self.factorGroup)
        self.factors.setObjectName(u"factors")

        self.factorLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.factors)


        self.column3.addWidget(self.factorGroup)

        self.scrGroup = QGroupBox(self.contents)
        self.scrGroup.setObjectName(u"scrGroup")
        self.scrLayout = QFormLayout(self.scrGroup)
        self.scrLayout.setObjectName(u"scrLayout")
        self.scrLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.scrLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.scr_consideredLabel = QLabel(self.scrGroup)
        self.scr_consideredLabel.setObjectName(u"scr_consideredLabel")

        self.scrLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.scr_consideredLabel)

        self.scr_considered = YesNoCombo(self.scrGroup)
        self.scr_considered.setObjectName(u"scr_considered")
        self.scr_considered.setMaximumSize(QSize(140, 16777215))

        self.scrLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.scr_considered)

        self.scr_heldLabel = QLabel(self.scrGroup)
        self.scr_heldLabel.setObjectName(u"scr_heldLabel")

        self.scrLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.scr_heldLabel)

        self.scr_held = YesNoCombo(self.scrGroup)
        self.scr_held.setObjectName(u"scr_held")
        self.scr_held.setMaximumSize(QSize(140, 16777215))

        self.scrLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.scr_held)


        self.column3.addWidget(self.scrGroup)

        self.recommendationsGroup = QGroupBox(self.contents)
        self.recommendationsGroup.setObjectName(u"recommendationsGroup")
        self.recommendationsLayout = QFormLayout(self.recommendationsGroup)
        self.recommendationsLayout.setObjectName(u"recommendationsLayout")
        self.recommendationsLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.recommendationsLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.recommendations = QPlainTextEdit(self.recommendationsGroup)
        self.recommendations.setObjectName(u"recommendations")
        self.recommendations.setTabChangesFocus(True)
        self.recommendations.setMinimumSize(QSize(0, 80))

        self.recommendationsLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.recommendations)

        self.change_reasonLabel = QLabel(self.recommendationsGroup)
        self.change_reasonLabel.setObjectName(u"change_reasonLabel")

        self.recommendationsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.change_reasonLabel)

        self.change_reason = QLineEdit(self.recommendationsGroup)
        self.change_reason.setObjectName(u"change_reason")

        self.recommendationsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.change_reason)


        self.column3.addWidget(self.recommendationsGroup)

        self.column3Stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column3.addItem(self.column3Stretch)


        self.columnsLayout.addLayout(self.column3, 0, 2, 1, 1)

        self.columnsLayout.setColumnStretch(0, 1)
        self.columnsLayout.setColumnStretch(1, 1)
        self.columnsLayout.setColumnStretch(2, 1)
        self.scrollArea.setWidget(self.contents)

        self.outerLayout.addWidget(self.scrollArea)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsLayoutStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsLayoutStretch)

        self.backButton = QPushButton(CdopReviewForm)
        self.backButton.setObjectName(u"backButton")

        self.buttonsLayout.addWidget(self.backButton)

        self.saveButton = QPushButton(CdopReviewForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonsLayout.addWidget(self.saveButton)

        self.saveCloseButton = QPushButton(CdopReviewForm)
        self.saveCloseButton.setObjectName(u"saveCloseButton")

        self.buttonsLayout.addWidget(self.saveCloseButton)


        self.outerLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.panel_meeting_idLabel.setBuddy(self.panel_meeting_id)
        self.review_completed_dateLabel.setBuddy(self.review_completed_date)
        self.agencies_representedLabel.setBuddy(self.agencies_represented)
        self.categories_applicableLabel.setBuddy(self.categories_applicable)
        self.category_of_deathLabel.setBuddy(self.category_of_death)
        self.cause_of_death_textLabel.setBuddy(self.cause_of_death_text)
        self.domain_schemeLabel.setBuddy(self.domain_scheme)
        self.domain_1_scoreLabel.setBuddy(self.domain_1_score)
        self.domain_2_scoreLabel.setBuddy(self.domain_2_score)
        self.domain_3_scoreLabel.setBuddy(self.domain_3_score)
        self.domain_4_scoreLabel.setBuddy(self.domain_4_score)
        self.modifiable_factorsLabel.setBuddy(self.modifiable_factors)
        self.modifiable_factors_textLabel.setBuddy(self.modifiable_factors_text)
        self.sudden_deathLabel.setBuddy(self.sudden_death)
        self.sudiLabel.setBuddy(self.sudi)
        self.co_sleepingLabel.setBuddy(self.co_sleeping)
        self.smoking_in_householdLabel.setBuddy(self.smoking_in_household)
        self.smoking_in_pregnancyLabel.setBuddy(self.smoking_in_pregnancy)
        self.alcohol_or_drugs_carerLabel.setBuddy(self.alcohol_or_drugs_carer)
        self.scr_consideredLabel.setBuddy(self.scr_considered)
        self.scr_heldLabel.setBuddy(self.scr_held)
        self.change_reasonLabel.setBuddy(self.change_reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.panel_meeting_id, self.review_completed_date)
        QWidget.setTabOrder(self.review_completed_date, self.agencies_represented)
        QWidget.setTabOrder(self.agencies_represented, self.categories_applicable)
        QWidget.setTabOrder(self.categories_applicable, self.category_of_death)
        QWidget.setTabOrder(self.category_of_death, self.cause_of_death_text)
        QWidget.setTabOrder(self.cause_of_death_text, self.domain_scheme)
        QWidget.setTabOrder(self.domain_scheme, self.domain_1_score)
        QWidget.setTabOrder(self.domain_1_score, self.domain_2_score)
        QWidget.setTabOrder(self.domain_2_score, self.domain_3_score)
        QWidget.setTabOrder(self.domain_3_score, self.domain_4_score)
        QWidget.setTabOrder(self.domain_4_score, self.modifiable_factors)
        QWidget.setTabOrder(self.modifiable_factors, self.modifiable_factors_text)
        QWidget.setTabOrder(self.modifiable_factors_text, self.sudden_death)
        QWidget.setTabOrder(self.sudden_death, self.sudi)
        QWidget.setTabOrder(self.sudi, self.co_sleeping)
        QWidget.setTabOrder(self.co_sleeping, self.smoking_in_household)
        QWidget.setTabOrder(self.smoking_in_household, self.smoking_in_pregnancy)
        QWidget.setTabOrder(self.smoking_in_pregnancy, self.alcohol_or_drugs_carer)
        QWidget.setTabOrder(self.alcohol_or_drugs_carer, self.factors)
        QWidget.setTabOrder(self.factors, self.scr_considered)
        QWidget.setTabOrder(self.scr_considered, self.scr_held)
        QWidget.setTabOrder(self.scr_held, self.recommendations)
        QWidget.setTabOrder(self.recommendations, self.change_reason)
        QWidget.setTabOrder(self.change_reason, self.backButton)
        QWidget.setTabOrder(self.backButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.saveCloseButton)

        self.retranslateUi(CdopReviewForm)

        QMetaObject.connectSlotsByName(CdopReviewForm)
    # setupUi

    def retranslateUi(self, CdopReviewForm):
        CdopReviewForm.setWindowTitle(QCoreApplication.translate("CdopReviewForm", u"CDOP review", None))
#if QT_CONFIG(accessibility)
        self.formTitle.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Form title", None))
#endif // QT_CONFIG(accessibility)
        self.formTitle.setText(QCoreApplication.translate("CdopReviewForm", u"Review", None))
#if QT_CONFIG(accessibility)
        self.stateText.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Case state", None))
#endif // QT_CONFIG(accessibility)
        self.stateText.setText("")
#if QT_CONFIG(accessibility)
        self.messages.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Problems with this record", None))
#endif // QT_CONFIG(accessibility)
        self.messages.setText("")
        self.panelGroup.setTitle(QCoreApplication.translate("CdopReviewForm", u"Panel", None))
        self.panel_meeting_idLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Panel &meeting", None))
#if QT_CONFIG(accessibility)
        self.panel_meeting_id.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Panel meeting", None))
#endif // QT_CONFIG(accessibility)
        self.review_completed_dateLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Review &completed", None))
#if QT_CONFIG(accessibility)
        self.review_completed_date.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Review completed", None))
#endif // QT_CONFIG(accessibility)
        self.agencies_representedLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Agencies represented", None))
#if QT_CONFIG(accessibility)
        self.agencies_represented.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Agencies represented", None))
#endif // QT_CONFIG(accessibility)
        self.categoryGroup.setTitle(QCoreApplication.translate("CdopReviewForm", u"Category of death", None))
        self.categories_applicableLabel.setText(QCoreApplication.translate("CdopReviewForm", u"&Applicable: tick each category that applies", None))
#if QT_CONFIG(accessibility)
        self.categories_applicable.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Categories applicable", None))
#endif // QT_CONFIG(accessibility)
        self.category_of_deathLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Categor&y", None))
#if QT_CONFIG(accessibility)
        self.category_of_death.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Category of death", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.categorySuggestion.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Suggested category", None))
#endif // QT_CONFIG(accessibility)
        self.cause_of_death_textLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Ca&use of death", None))
#if QT_CONFIG(accessibility)
        self.cause_of_death_text.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Cause of death", None))
#endif // QT_CONFIG(accessibility)
        self.domainGroup.setTitle(QCoreApplication.translate("CdopReviewForm", u"Domains", None))
        self.domain_schemeLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Sc&heme", None))
#if QT_CONFIG(accessibility)
        self.domain_scheme.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Domain scheme", None))
#endif // QT_CONFIG(accessibility)
        self.domain_1_scoreLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Domain 1", None))
#if QT_CONFIG(accessibility)
        self.domain_1_score.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Domain 1", None))
#endif // QT_CONFIG(accessibility)
        self.domain_2_scoreLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Domain 2", None))
#if QT_CONFIG(accessibility)
        self.domain_2_score.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Domain 2", None))
#endif // QT_CONFIG(accessibility)
        self.domain_3_scoreLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Domain 3", None))
#if QT_CONFIG(accessibility)
        self.domain_3_score.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Domain 3", None))
#endif // QT_CONFIG(accessibility)
        self.domain_4_scoreLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Domain 4", None))
#if QT_CONFIG(accessibility)
        self.domain_4_score.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Domain 4", None))
#endif // QT_CONFIG(accessibility)
        self.modifiableGroup.setTitle(QCoreApplication.translate("CdopReviewForm", u"Modifiable factors", None))
        self.modifiable_factorsLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Mo&difiable", None))
#if QT_CONFIG(accessibility)
        self.modifiable_factors.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Modifiable factors", None))
#endif // QT_CONFIG(accessibility)
        self.modifiable_factors_textLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Details", None))
#if QT_CONFIG(accessibility)
        self.modifiable_factors_text.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Modifiable factors: details, or why the information is insufficient", None))
#endif // QT_CONFIG(accessibility)
        self.sudiGroup.setTitle(QCoreApplication.translate("CdopReviewForm", u"Sudden infant death and safer sleeping", None))
        self.sudden_deathLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Sudde&n death", None))
#if QT_CONFIG(accessibility)
        self.sudden_death.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Sudden death", None))
#endif // QT_CONFIG(accessibility)
        self.sudiLabel.setText(QCoreApplication.translate("CdopReviewForm", u"SUD&I", None))
#if QT_CONFIG(accessibility)
        self.sudi.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"SUDI", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sudiSuggestion.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Suggested SUDI answer", None))
#endif // QT_CONFIG(accessibility)
        self.co_sleepingLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Co-sleeping", None))
#if QT_CONFIG(accessibility)
        self.co_sleeping.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Co-sleeping", None))
#endif // QT_CONFIG(accessibility)
        self.smoking_in_householdLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Smoking in household", None))
#if QT_CONFIG(accessibility)
        self.smoking_in_household.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Smoking in household", None))
#endif // QT_CONFIG(accessibility)
        self.smoking_in_pregnancyLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Smoking in pregnancy", None))
#if QT_CONFIG(accessibility)
        self.smoking_in_pregnancy.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Smoking in pregnancy", None))
#endif // QT_CONFIG(accessibility)
        self.alcohol_or_drugs_carerLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Carer alcohol or drugs", None))
#if QT_CONFIG(accessibility)
        self.alcohol_or_drugs_carer.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Carer alcohol or drug misuse", None))
#endif // QT_CONFIG(accessibility)
        self.factorGroup.setTitle(QCoreApplication.translate("CdopReviewForm", u"&Factors", None))
#if QT_CONFIG(accessibility)
        self.factors.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Factors", None))
#endif // QT_CONFIG(accessibility)
        self.scrGroup.setTitle(QCoreApplication.translate("CdopReviewForm", u"Serious case review", None))
        self.scr_consideredLabel.setText(QCoreApplication.translate("CdopReviewForm", u"SCR considered", None))
#if QT_CONFIG(accessibility)
        self.scr_considered.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Serious case review considered", None))
#endif // QT_CONFIG(accessibility)
        self.scr_heldLabel.setText(QCoreApplication.translate("CdopReviewForm", u"SCR held", None))
#if QT_CONFIG(accessibility)
        self.scr_held.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Serious case review held", None))
#endif // QT_CONFIG(accessibility)
        self.recommendationsGroup.setTitle(QCoreApplication.translate("CdopReviewForm", u"Recommendations", None))
#if QT_CONFIG(accessibility)
        self.recommendations.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Recommendations", None))
#endif // QT_CONFIG(accessibility)
        self.change_reasonLabel.setText(QCoreApplication.translate("CdopReviewForm", u"Reason for change", None))
        self.change_reason.setPlaceholderText(QCoreApplication.translate("CdopReviewForm", u"Required to change a completed review", None))
#if QT_CONFIG(accessibility)
        self.change_reason.setAccessibleName(QCoreApplication.translate("CdopReviewForm", u"Reason for change", None))
#endif // QT_CONFIG(accessibility)
        self.backButton.setText(QCoreApplication.translate("CdopReviewForm", u"Back to list", None))
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("CdopReviewForm", u"Back to the list (Esc)", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("CdopReviewForm", u"&Save review", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("CdopReviewForm", u"Save the review (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveCloseButton.setText(QCoreApplication.translate("CdopReviewForm", u"Save and clos&e", None))
#if QT_CONFIG(tooltip)
        self.saveCloseButton.setToolTip(QCoreApplication.translate("CdopReviewForm", u"Save and return to the list (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

