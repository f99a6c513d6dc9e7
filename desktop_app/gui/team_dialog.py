"""File > Connect to Team Project: the server, database and login of a team project, a test
of the connection before connecting, and never a password kept in the settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.attribution import login_name
from desktop_app.core.db_server import describe_server_database
from desktop_app.core.errors import TimelineError
from desktop_app.core.locations import project_location, server_address
from desktop_app.gui.props import made

SSL_MODES = ("prefer", "require", "verify-full", "disable")


class ConnectDialog(QDialog):
    """Asks where a team project is; ``address()`` is what to open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to Team Project"))
        self.host = made(QLineEdit("localhost"), objectName="teamHost")
        self.port = made(QSpinBox(), objectName="teamPort", minimum=1, maximum=65535, value=5432)
        self.database = made(QLineEdit(), objectName="teamDatabase")
        self.database.setPlaceholderText(self.tr("the project's database, e.g. timeline"))
        self.user = made(QLineEdit(login_name()), objectName="teamUser")
        self.password = made(QLineEdit(), objectName="teamPassword",
                             echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("not saved: ~/.pgpass keeps passwords"))
        self.sslmode = made(QComboBox(), objectName="teamSslMode")
        self.sslmode.addItems(SSL_MODES)
        self.status = made(QLabel(), objectName="teamStatus", wordWrap=True)
        self.status.setMinimumWidth(420)
        test = made(QPushButton(self.tr("&Test Connection")), objectName="teamTest")
        test.clicked.connect(self.test_connection)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow(self.tr("SS&L:"), self.sslmode)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(test, QDialogButtonBox.ButtonRole.ActionRole)
        self.connect_button = buttons.addButton(self.tr("&Connect"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def address(self) -> str:
        """The team project's address (with the password only if one was typed)."""
        mode = self.sslmode.currentText()
        return server_address(self.host.text().strip(), self.port.value(),
                              self.database.text().strip(), self.user.text().strip(),
                              self.password.text(), "" if mode == "prefer" else mode)

    def test_connection(self) -> bool:
        """Say what is at the address, creating and changing nothing."""
        if not self.database.text().strip():
            self.status.setText(self.tr("Name the project's database."))
            return False
        try:
            self.status.setText(describe_server_database(project_location(self.address())))
            return True
        except TimelineError as exc:
            self.status.setText(str(exc))
            return False

    def _accept(self) -> None:
        if self.database.text().strip():
            self.accept()
        else:
            self.status.setText(self.tr("Name the project's database."))

