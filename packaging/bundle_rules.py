"""What the one-folder builds leave out: shared by packaging/hscb_desktop.spec and the
bare-window baseline in bench/ so the size comparison is like for like."""

# Qt modules the app does not use; they (and what they drag in) stay out of the folder.
QT_EXCLUDES = [
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtWebView",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DInput", "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation", "PySide6.Qt3DExtras", "PySide6.QtDataVisualization", "PySide6.QtGraphs",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtSpatialAudio",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtQuick3D", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtBluetooth",
    "PySide6.QtNfc", "PySide6.QtPositioning", "PySide6.QtLocation", "PySide6.QtSensors",
    "PySide6.QtSerialPort", "PySide6.QtSerialBus", "PySide6.QtRemoteObjects", "PySide6.QtScxml",
    "PySide6.QtStateMachine", "PySide6.QtTextToSpeech", "PySide6.QtHttpServer", "PySide6.QtDesigner",
    "PySide6.QtUiTools", "PySide6.QtHelp", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtNetworkAuth", "PySide6.QtSvgWidgets",
    "tkinter", "unittest", "pydoc", "hypothesis", "pytest", "importlinter",
]
# Files some hooks collect regardless (the virtual-keyboard input plugin pulls QtQuick/QML;
# translations are unused: the app is English only).
DROP_PATTERNS = ("qtvirtualkeyboard", "Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6WebEngine", "Qt6VirtualKeyboard",
                 "Qt6Multimedia", "Qt63D", "/translations/", "\\translations\\", "qmltooling",
                 "Qt6Designer", "Qt6ShaderTools", "Qt6Graphs", "Qt6DataVisualization",
                 "platformthemes/libqgtk3", "imageformats/libqtiff", "imageformats/libqwebp",
                 "imageformats/libqjp2", "imageformats/libqtga", "imageformats/libqwbmp",
                 "imageformats/libqicns", "imageformats/libqpdf")


def keep(entry) -> bool:
    """False for a collected (dest, src, kind) entry matching DROP_PATTERNS."""
    dest = entry[0].replace("\\", "/")
    return not any(p.replace("\\", "/") in dest for p in DROP_PATTERNS)


# psycopg's wheel (team mode's PostgreSQL client) carries its own OpenSSL (6.9 MB) beside
# the one Python's ssl module brings from the system. Its libpq and libldap need nothing
# past the OPENSSL_3.0.0 symbol version, which the system's OpenSSL 3 provides (checked:
# objdump -p), so on Linux the wheel's copies become links to the system's; the frozen
# self-test loads libpq through them. Elsewhere the wheel's copies stay.
SHARED_OPENSSL = {"libcrypto-": "libcrypto.so.3", "libssl-": "libssl.so.3"}


def share_openssl(entries, platform: str):
    if not platform.startswith("linux"):
        return entries
    top = {e[0] for e in entries}
    out = []
    for dest, src, kind in entries:
        parts = dest.split("/")
        system = next((lib for prefix, lib in SHARED_OPENSSL.items()
                       if len(parts) == 2 and parts[0].endswith(".libs")
                       and parts[1].startswith(prefix)), None)
        if system is not None and system in top and kind == "BINARY":
            out.append((dest, "../" + system, "SYMLINK"))  # relative to dest's folder
        else:
            out.append((dest, src, kind))
    return out
