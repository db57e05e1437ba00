# Generated from ui/training_run_form.ui by hscb_desktop.gui.build_forms - do not edit.
from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from hscb_desktop.gui.checklist import CodeChecklist
from hscb_desktop.gui.record_form import UkDateEdit

class Ui_TrainingRunForm(object):
    def setupUi(self, TrainingRunForm):
        if not TrainingRunForm.objectName():
            TrainingRunForm.setObjectName(u"TrainingRunForm")
        TrainingRunForm.resize(560, 460)
        self.formLayout = QFormLayout(TrainingRunForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.messages = QLabel(TrainingRunForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.messages)

        self.course_idLabel = QLabel(TrainingRunForm)
        self.course_idLabel.setObjectName(u"course_idLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.course_idLabel)

        self.course_id = QComboBox(TrainingRunForm)
        self.course_id.setObjectName(u"course_id")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.course_id)

        self.run_dateLabel = QLabel(TrainingRunForm)
        self.run_dateLabel.setObjectName(u"run_dateLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.run_dateLabel)

        self.run_date = UkDateEdit(TrainingRunForm)
        self.run_date.setObjectName(u"run_date")
        self.run_date.setMaximumSize(QSize(120, 16777215))

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.run_date)

        self.venueLabel = QLabel(TrainingRunForm)
        self.venueLabel.setObjectName(u"venueLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venue = QLineEdit(TrainingRunForm)
        self.venue.setObjectName(u"venue")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.venue)

        self.capacityLabel = QLabel(TrainingRunForm)
        self.capacityLabel.setObjectName(u"capacityLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.capacityLabel)

        self.capacity = QSpinBox(TrainingRunForm)
        self.capacity.setObjectName(u"capacity")
        self.capacity.setMinimum(-1)
        self.capacity.setMaximum(10000)
        self.capacity.setMaximumSize(QSize(120, 16777215))

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.capacity)

        self.trainer_agency_idsLabel = QLabel(TrainingRunForm)
        self.trainer_agency_idsLabel.setObjectName(u"trainer_agency_idsLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.trainer_agency_idsLabel)

        self.trainer_agency_ids = CodeChecklist(TrainingRunForm)
        self.trainer_agency_ids.setObjectName(u"trainer_agency_ids")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.trainer_agency_ids)

        self.cancelled = QCheckBox(TrainingRunForm)
        self.cancelled.setObjectName(u"cancelled")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.cancelled)

        self.notesLabel = QLabel(TrainingRunForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notes = QLineEdit(TrainingRunForm)
        self.notes.setObjectName(u"notes")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notes)

#if QT_CONFIG(shortcut)
        self.course_idLabel.setBuddy(self.course_id)
        self.run_dateLabel.setBuddy(self.run_date)
        self.venueLabel.setBuddy(self.venue)
        self.capacityLabel.setBuddy(self.capacity)
        self.trainer_agency_idsLabel.setBuddy(self.trainer_agency_ids)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.course_id, self.run_date)
        QWidget.setTabOrder(self.run_date, self.venue)
        QWidget.setTabOrder(self.venue, self.capacity)
        QWidget.setTabOrder(self.capacity, self.trainer_agency_ids)
        QWidget.setTabOrder(self.trainer_agency_ids, self.cancelled)
        QWidget.setTabOrder(self.cancelled, self.notes)

        self.retranslateUi(TrainingRunForm)

        QMetaObject.connectSlotsByName(TrainingRunForm)
    # setupUi

    def retranslateUi(self, TrainingRunForm):
        TrainingRunForm.setWindowTitle(QCoreApplication.translate("TrainingRunForm", u"Training run", None))
#if QT_CONFIG(accessibility)
        self.messages.setAccessibleName(QCoreApplication.translate("TrainingRunForm", u"Problems with this record", None))
#endif // QT_CONFIG(accessibility)
        self.course_idLabel.setText(QCoreApplication.translate("TrainingRunForm", u"&Course", None))
#if QT_CONFIG(accessibility)
        self.course_id.setAccessibleName(QCoreApplication.translate("TrainingRunForm", u"Course", None))
#endif // QT_CONFIG(accessibility)
        self.run_dateLabel.setText(QCoreApplication.translate("TrainingRunForm", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.run_date.setAccessibleName(QCoreApplication.translate("TrainingRunForm", u"Date of the run", None))
#endif // QT_CONFIG(accessibility)
        self.venueLabel.setText(QCoreApplication.translate("TrainingRunForm", u"&Venue", None))
#if QT_CONFIG(accessibility)
        self.venue.setAccessibleName(QCoreApplication.translate("TrainingRunForm", u"Venue", None))
#endif // QT_CONFIG(accessibility)
        self.capacityLabel.setText(QCoreApplication.translate("TrainingRunForm", u"Ca&pacity", None))
#if QT_CONFIG(accessibility)
        self.capacity.setAccessibleName(QCoreApplication.translate("TrainingRunForm", u"Capacity", None))
#endif // QT_CONFIG(accessibility)
        self.capacity.setSpecialValueText(QCoreApplication.translate("TrainingRunForm", u"Not set", None))
        self.trainer_agency_idsLabel.setText(QCoreApplication.translate("TrainingRunForm", u"&Trainers' agencies", None))
#if QT_CONFIG(accessibility)
        self.trainer_agency_ids.setAccessibleName(QCoreApplication.translate("TrainingRunForm", u"Trainers' agencies", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.trainer_agency_ids.setToolTip(QCoreApplication.translate("TrainingRunForm", u"Space ticks the agency under the cursor", None))
#endif // QT_CONFIG(tooltip)
        self.cancelled.setText(QCoreApplication.translate("TrainingRunForm", u"Ca&ncelled (did not take place)", None))
        self.notesLabel.setText(QCoreApplication.translate("TrainingRunForm", u"N&otes", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("TrainingRunForm", u"Notes", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

