# Generated from ui/change_password_dialog.ui by hscb_desktop.gui.build_forms - do not edit.
from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

class Ui_ChangePasswordDialog(object):
    def setupUi(self, ChangePasswordDialog):
        if not ChangePasswordDialog.objectName():
            ChangePasswordDialog.setObjectName(u"ChangePasswordDialog")
        ChangePasswordDialog.resize(440, 230)
        ChangePasswordDialog.setModal(True)
        self.formLayout = QFormLayout(ChangePasswordDialog)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.intro = QLabel(ChangePasswordDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.intro)

        self.currentLabel = QLabel(ChangePasswordDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.current_password = QLineEdit(ChangePasswordDialog)
        self.current_password.setObjectName(u"current_password")
        self.current_password.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.current_password)

        self.newLabel = QLabel(ChangePasswordDialog)
        self.newLabel.setObjectName(u"newLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.new_password = QLineEdit(ChangePasswordDialog)
        self.new_password.setObjectName(u"new_password")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.new_password)

        self.confirmLabel = QLabel(ChangePasswordDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm_password = QLineEdit(ChangePasswordDialog)
        self.confirm_password.setObjectName(u"confirm_password")
        self.confirm_password.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.confirm_password)

        self.hint = QLabel(ChangePasswordDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.hint)

        self.message = QLabel(ChangePasswordDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.message)

        self.buttons = QDialogButtonBox(ChangePasswordDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.currentLabel.setBuddy(self.current_password)
        self.newLabel.setBuddy(self.new_password)
        self.confirmLabel.setBuddy(self.confirm_password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.current_password, self.new_password)
        QWidget.setTabOrder(self.new_password, self.confirm_password)
        QWidget.setTabOrder(self.confirm_password, self.buttons)

        self.retranslateUi(ChangePasswordDialog)
        self.buttons.accepted.connect(ChangePasswordDialog.accept)
        self.buttons.rejected.connect(ChangePasswordDialog.reject)

        QMetaObject.connectSlotsByName(ChangePasswordDialog)
    # setupUi

    def retranslateUi(self, ChangePasswordDialog):
        ChangePasswordDialog.setWindowTitle(QCoreApplication.translate("ChangePasswordDialog", u"Change password - HSCB Desktop", None))
        self.intro.setText(QCoreApplication.translate("ChangePasswordDialog", u"Enter your current password, then choose a new one.", None))
        self.currentLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"C&urrent password", None))
#if QT_CONFIG(accessibility)
        self.current_password.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"Current password", None))
#endif // QT_CONFIG(accessibility)
        self.newLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"&New password", None))
#if QT_CONFIG(accessibility)
        self.new_password.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"New password", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"&Confirm new password", None))
#if QT_CONFIG(accessibility)
        self.confirm_password.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"Confirm new password", None))
#endif // QT_CONFIG(accessibility)
        self.hint.setText(QCoreApplication.translate("ChangePasswordDialog", u"Use at least 12 characters. Common passwords and your user name are refused.", None))
        self.message.setText("")
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"Problems with the password", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

