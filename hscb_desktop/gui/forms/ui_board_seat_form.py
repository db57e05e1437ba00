# Generated from ui/board_seat_form.ui by hscb_desktop.gui.build_forms - do not edit.
from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from hscb_desktop.gui.record_form import UkDateEdit

class Ui_BoardSeatForm(object):
    def setupUi(self, BoardSeatForm):
        if not BoardSeatForm.objectName():
            BoardSeatForm.setObjectName(u"BoardSeatForm")
        BoardSeatForm.resize(560, 420)
        self.formLayout = QFormLayout(BoardSeatForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.messages = QLabel(BoardSeatForm)
        self.messages.setObjectName(u"messages")
        self.messages.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.messages)

        self.titleLabel = QLabel(BoardSeatForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(BoardSeatForm)
        self.title.setObjectName(u"title")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title)

        self.display_labelLabel = QLabel(BoardSeatForm)
        self.display_labelLabel.setObjectName(u"display_labelLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.display_labelLabel)

        self.display_label = QLineEdit(BoardSeatForm)
        self.display_label.setObjectName(u"display_label")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.display_label)

        self.agency_idLabel = QLabel(BoardSeatForm)
        self.agency_idLabel.setObjectName(u"agency_idLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.agency_idLabel)

        self.agency_id = QComboBox(BoardSeatForm)
        self.agency_id.setObjectName(u"agency_id")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.agency_id)

        self.sort_orderLabel = QLabel(BoardSeatForm)
        self.sort_orderLabel.setObjectName(u"sort_orderLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sort_orderLabel)

        self.sort_order = QSpinBox(BoardSeatForm)
        self.sort_order.setObjectName(u"sort_order")
        self.sort_order.setMinimum(-100000)
        self.sort_order.setMaximum(100000)
        self.sort_order.setMaximumSize(QSize(120, 16777215))

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sort_order)

        self.deputy_allowed = QCheckBox(BoardSeatForm)
        self.deputy_allowed.setObjectName(u"deputy_allowed")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.deputy_allowed)

        self.statutory_partner = QCheckBox(BoardSeatForm)
        self.statutory_partner.setObjectName(u"statutory_partner")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.statutory_partner)

        self.counts_for_quorum = QCheckBox(BoardSeatForm)
        self.counts_for_quorum.setObjectName(u"counts_for_quorum")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.counts_for_quorum)

        self.active_fromLabel = QLabel(BoardSeatForm)
        self.active_fromLabel.setObjectName(u"active_fromLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.active_fromLabel)

        self.active_from = UkDateEdit(BoardSeatForm)
        self.active_from.setObjectName(u"active_from")
        self.active_from.setMaximumSize(QSize(120, 16777215))

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.active_from)

        self.active_toLabel = QLabel(BoardSeatForm)
        self.active_toLabel.setObjectName(u"active_toLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.active_toLabel)

        self.active_to = UkDateEdit(BoardSeatForm)
        self.active_to.setObjectName(u"active_to")
        self.active_to.setMaximumSize(QSize(120, 16777215))

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.active_to)

        self.footnoteLabel = QLabel(BoardSeatForm)
        self.footnoteLabel.setObjectName(u"footnoteLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.footnoteLabel)

        self.footnote = QLineEdit(BoardSeatForm)
        self.footnote.setObjectName(u"footnote")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.footnote)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.title)
        self.display_labelLabel.setBuddy(self.display_label)
        self.agency_idLabel.setBuddy(self.agency_id)
        self.sort_orderLabel.setBuddy(self.sort_order)
        self.active_fromLabel.setBuddy(self.active_from)
        self.active_toLabel.setBuddy(self.active_to)
        self.footnoteLabel.setBuddy(self.footnote)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.display_label)
        QWidget.setTabOrder(self.display_label, self.agency_id)
        QWidget.setTabOrder(self.agency_id, self.sort_order)
        QWidget.setTabOrder(self.sort_order, self.deputy_allowed)
        QWidget.setTabOrder(self.deputy_allowed, self.statutory_partner)
        QWidget.setTabOrder(self.statutory_partner, self.counts_for_quorum)
        QWidget.setTabOrder(self.counts_for_quorum, self.active_from)
        QWidget.setTabOrder(self.active_from, self.active_to)
        QWidget.setTabOrder(self.active_to, self.footnote)

        self.retranslateUi(BoardSeatForm)

        QMetaObject.connectSlotsByName(BoardSeatForm)
    # setupUi

    def retranslateUi(self, BoardSeatForm):
        BoardSeatForm.setWindowTitle(QCoreApplication.translate("BoardSeatForm", u"Board seat", None))
#if QT_CONFIG(accessibility)
        self.messages.setAccessibleName(QCoreApplication.translate("BoardSeatForm", u"Problems with this record", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("BoardSeatForm", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.title.setAccessibleName(QCoreApplication.translate("BoardSeatForm", u"Seat title", None))
#endif // QT_CONFIG(accessibility)
        self.title.setPlaceholderText(QCoreApplication.translate("BoardSeatForm", u"Director of Children's Services", None))
        self.display_labelLabel.setText(QCoreApplication.translate("BoardSeatForm", u"&Label in the return", None))
#if QT_CONFIG(accessibility)
        self.display_label.setAccessibleName(QCoreApplication.translate("BoardSeatForm", u"Label in the return", None))
#endif // QT_CONFIG(accessibility)
        self.display_label.setPlaceholderText(QCoreApplication.translate("BoardSeatForm", u"As table B1 prints it (blank: the title)", None))
        self.agency_idLabel.setText(QCoreApplication.translate("BoardSeatForm", u"&Agency", None))
#if QT_CONFIG(accessibility)
        self.agency_id.setAccessibleName(QCoreApplication.translate("BoardSeatForm", u"Agency", None))
#endif // QT_CONFIG(accessibility)
        self.sort_orderLabel.setText(QCoreApplication.translate("BoardSeatForm", u"&Order", None))
#if QT_CONFIG(accessibility)
        self.sort_order.setAccessibleName(QCoreApplication.translate("BoardSeatForm", u"Order in the return", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.sort_order.setToolTip(QCoreApplication.translate("BoardSeatForm", u"Seats are listed in this order (10, 20, 30... leaves room between)", None))
#endif // QT_CONFIG(tooltip)
        self.deputy_allowed.setText(QCoreApplication.translate("BoardSeatForm", u"&Deputy may attend in the holder's place", None))
        self.statutory_partner.setText(QCoreApplication.translate("BoardSeatForm", u"&Statutory partner", None))
        self.counts_for_quorum.setText(QCoreApplication.translate("BoardSeatForm", u"&Counts for the quorum (by its agency's sector)", None))
        self.active_fromLabel.setText(QCoreApplication.translate("BoardSeatForm", u"Active &from", None))
#if QT_CONFIG(accessibility)
        self.active_from.setAccessibleName(QCoreApplication.translate("BoardSeatForm", u"Active from", None))
#endif // QT_CONFIG(accessibility)
        self.active_toLabel.setText(QCoreApplication.translate("BoardSeatForm", u"Acti&ve to", None))
#if QT_CONFIG(accessibility)
        self.active_to.setAccessibleName(QCoreApplication.translate("BoardSeatForm", u"Active to", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.active_to.setToolTip(QCoreApplication.translate("BoardSeatForm", u"Blank while the seat is on the board", None))
#endif // QT_CONFIG(tooltip)
        self.footnoteLabel.setText(QCoreApplication.translate("BoardSeatForm", u"Foot&note", None))
#if QT_CONFIG(accessibility)
        self.footnote.setAccessibleName(QCoreApplication.translate("BoardSeatForm", u"Footnote", None))
#endif // QT_CONFIG(accessibility)
        self.footnote.setPlaceholderText(QCoreApplication.translate("BoardSeatForm", u"Printed under table B1", None))
    # retranslateUi

