# Generated from ui/training_course_form.ui by hscb_desktop.gui.build_forms - do not edit.
from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

class Ui_TrainingCourseForm(object):
    def setupUi(self, TrainingCourseForm):
        if not TrainingCourseForm.objectName():
            TrainingCourseForm.setObjectName(u"TrainingCourseForm")
        TrainingCourseForm.resize(520, 260)
        self.formLayout = QFormLayout(TrainingCourseForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.messages = QLabel(TrainingCourseForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.messages)

        self.titleLabel = QLabel(TrainingCourseForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(TrainingCourseForm)
        self.title.setObjectName(u"title")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title)

        self.formatLabel = QLabel(TrainingCourseForm)
        self.formatLabel.setObjectName(u"formatLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.format = QComboBox(TrainingCourseForm)
        self.format.setObjectName(u"format")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.format)

        self.themeLabel = QLabel(TrainingCourseForm)
        self.themeLabel.setObjectName(u"themeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.theme = QComboBox(TrainingCourseForm)
        self.theme.setObjectName(u"theme")
        self.theme.setEditable(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.theme)

        self.sort_orderLabel = QLabel(TrainingCourseForm)
        self.sort_orderLabel.setObjectName(u"sort_orderLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sort_orderLabel)

        self.sort_order = QSpinBox(TrainingCourseForm)
        self.sort_order.setObjectName(u"sort_order")
        self.sort_order.setMinimum(-100000)
        self.sort_order.setMaximum(100000)
        self.sort_order.setMaximumSize(QSize(120, 16777215))

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sort_order)

        self.active = QCheckBox(TrainingCourseForm)
        self.active.setObjectName(u"active")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.active)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.title)
        self.formatLabel.setBuddy(self.format)
        self.themeLabel.setBuddy(self.theme)
        self.sort_orderLabel.setBuddy(self.sort_order)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.format)
        QWidget.setTabOrder(self.format, self.theme)
        QWidget.setTabOrder(self.theme, self.sort_order)
        QWidget.setTabOrder(self.sort_order, self.active)

        self.retranslateUi(TrainingCourseForm)

        QMetaObject.connectSlotsByName(TrainingCourseForm)
    # setupUi

    def retranslateUi(self, TrainingCourseForm):
        TrainingCourseForm.setWindowTitle(QCoreApplication.translate("TrainingCourseForm", u"Training course", None))
#if QT_CONFIG(accessibility)
        self.messages.setAccessibleName(QCoreApplication.translate("TrainingCourseForm", u"Problems with this record", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("TrainingCourseForm", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.title.setAccessibleName(QCoreApplication.translate("TrainingCourseForm", u"Course title", None))
#endif // QT_CONFIG(accessibility)
        self.formatLabel.setText(QCoreApplication.translate("TrainingCourseForm", u"&Format", None))
#if QT_CONFIG(accessibility)
        self.format.setAccessibleName(QCoreApplication.translate("TrainingCourseForm", u"Course format", None))
#endif // QT_CONFIG(accessibility)
        self.themeLabel.setText(QCoreApplication.translate("TrainingCourseForm", u"T&heme", None))
#if QT_CONFIG(accessibility)
        self.theme.setAccessibleName(QCoreApplication.translate("TrainingCourseForm", u"Theme", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.theme.setToolTip(QCoreApplication.translate("TrainingCourseForm", u"A priority theme, or type another", None))
#endif // QT_CONFIG(tooltip)
        self.sort_orderLabel.setText(QCoreApplication.translate("TrainingCourseForm", u"&Order in the return", None))
#if QT_CONFIG(accessibility)
        self.sort_order.setAccessibleName(QCoreApplication.translate("TrainingCourseForm", u"Order in the return", None))
#endif // QT_CONFIG(accessibility)
        self.active.setText(QCoreApplication.translate("TrainingCourseForm", u"&Active (still offered)", None))
    # retranslateUi

