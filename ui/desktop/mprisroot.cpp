#include "desktop/mprisroot.h"

#include "desktop/mpris.h"

#include <QCoreApplication>
#include <QWidget>

namespace encore {

namespace {

// The audio types GStreamer plays here (what "Open with" offers Encore for).
const QStringList kAudioMimeTypes{
    QStringLiteral("audio/mpeg"),         QStringLiteral("audio/flac"),
    QStringLiteral("audio/x-flac"),       QStringLiteral("audio/ogg"),
    QStringLiteral("audio/x-vorbis+ogg"), QStringLiteral("audio/x-opus+ogg"),
    QStringLiteral("audio/opus"),         QStringLiteral("audio/mp4"),
    QStringLiteral("audio/x-m4a"),        QStringLiteral("audio/aac"),
    QStringLiteral("audio/x-wav"),        QStringLiteral("audio/wav"),
    QStringLiteral("audio/x-aiff"),       QStringLiteral("audio/x-ape"),
    QStringLiteral("audio/x-wavpack"),    QStringLiteral("audio/x-musepack"),
    QStringLiteral("audio/x-ms-wma"),     QStringLiteral("audio/x-dsf"),
};

}  // namespace

MprisRoot::MprisRoot(Mpris* mpris) : QDBusAbstractAdaptor(mpris), mpris_(mpris) {}

QString MprisRoot::identity() const {
    return QStringLiteral("Encore");
}

QString MprisRoot::desktopEntry() const {
    return QStringLiteral("org.encore.Encore");  // org.encore.Encore.desktop
}

QStringList MprisRoot::supportedUriSchemes() const {
    return {QStringLiteral("file")};
}

QStringList MprisRoot::supportedMimeTypes() const {
    return kAudioMimeTypes;
}

void MprisRoot::Raise() {
    QWidget& window = mpris_->window();
    window.showNormal();
    window.raise();
    window.activateWindow();
}

void MprisRoot::Quit() {
    mpris_->window().close();  // as the window's own close: the session is saved
}

}  // namespace encore
