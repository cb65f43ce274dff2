#include "desktop/mpris.h"

#include "desktop/mprisplayer.h"
#include "desktop/mprisroot.h"
#include "playback/coverloader.h"
#include "playback/playbackcontroller.h"
#include "playback/playqueue.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDir>
#include <QFutureWatcher>
#include <QImage>
#include <QStandardPaths>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace encore {

namespace {

constexpr int kArtSize = 512;  // what desktop media widgets show, at most
constexpr qlonglong kUsPerMs = 1000;
const QString kPlayer = QString::fromLatin1(MprisPlayer::kInterface);

}  // namespace

Mpris::Mpris(QWidget& window, PlaybackController& playback, Engine& engine, QObject* parent)
    : QObject(parent)
    , window_(window)
    , playback_(playback)
    , covers_(new CoverLoader(engine, this))
    , bus_(QStringLiteral("encore-mpris-unregistered")) {
    root_ = new MprisRoot(this);
    player_ = new MprisPlayer(this);
    MprisPlayer* player = player_;
    const auto changed = [this](QStringList names) {
        return [this, names] { propertiesChanged(kPlayer, names); };
    };
    connect(&playback_, &PlaybackController::stateChanged, this,
            changed({QStringLiteral("PlaybackStatus"), QStringLiteral("CanPlay"),
                     QStringLiteral("CanPause"), QStringLiteral("CanSeek")}));
    connect(&playback_, &PlaybackController::currentChanged, this, &Mpris::trackChanged);
    connect(&playback_, &PlaybackController::durationChanged, this,
            changed({QStringLiteral("Metadata"), QStringLiteral("CanSeek")}));
    connect(&playback_, &PlaybackController::shuffleChanged, this,
            changed({QStringLiteral("Shuffle"), QStringLiteral("CanGoNext")}));
    connect(&playback_, &PlaybackController::repeatChanged, this,
            changed({QStringLiteral("LoopStatus"), QStringLiteral("CanGoNext")}));
    connect(playback_.player(), &Player::volumeChanged, this, changed({QStringLiteral("Volume")}));
    for (const auto signal : {&PlayQueue::rowsInserted, &PlayQueue::rowsRemoved})
        connect(playback_.queue(), signal, this,
                changed({QStringLiteral("CanGoNext"), QStringLiteral("CanPlay")}));
    connect(playback_.queue(), &PlayQueue::modelReset, this,
            changed({QStringLiteral("CanGoNext"), QStringLiteral("CanPlay")}));
    // A jump in position (the listener's seek, here or from the desktop) is MPRIS's Seeked.
    connect(playback_.events(), &ListeningEvents::seeked, player,
            [player](qint64, qint64 toMs) { Q_EMIT player->Seeked(toMs * kUsPerMs); });
    connect(covers_, &CoverLoader::coverReady, this, &Mpris::coverReady);
}

bool Mpris::registerOn(QDBusConnection bus, QString* error) {
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!bus.isConnected())
        return fail(
            QStringLiteral("no D-Bus session bus here: media keys and the desktop's "
                           "media controls cannot reach Encore"));
    if (!bus.registerObject(QString::fromLatin1(kObjectPath), this,
                            QDBusConnection::ExportAdaptors))
        return fail(QStringLiteral("D-Bus refused the object %1: %2")
                        .arg(QString::fromLatin1(kObjectPath), bus.lastError().message()));
    QString name = QString::fromLatin1(kServiceName);
    if (!bus.registerService(name)) {
        // Another Encore has the name: MPRIS allows one per instance.
        name += QStringLiteral(".instance%1").arg(QCoreApplication::applicationPid());
        if (!bus.registerService(name)) {
            bus.unregisterObject(QString::fromLatin1(kObjectPath));
            return fail(QStringLiteral("D-Bus refused the name %1: %2")
                            .arg(name, bus.lastError().message()));
        }
    }
    bus_ = bus;
    service_ = name;
    return true;
}

QString Mpris::trackPath(TrackId id) {
    return id > 0 ? QStringLiteral("/org/encore/track/%1").arg(id)
                  : QStringLiteral("/org/mpris/MediaPlayer2/TrackList/NoTrack");
}

QVariantMap Mpris::metadata() const {
    const std::optional<TrackInfo>& track = playback_.current();
    if (!track)
        return {};
    QVariantMap m;
    m.insert(QStringLiteral("mpris:trackid"),
             QVariant::fromValue(QDBusObjectPath(trackPath(track->id))));
    const qint64 durationMs =
        playback_.player()->duration() > 0 ? playback_.player()->duration() : track->duration_ms;
    if (durationMs > 0)
        m.insert(QStringLiteral("mpris:length"), qlonglong(durationMs) * kUsPerMs);
    m.insert(QStringLiteral("xesam:title"), track->title);
    if (!track->artist.isEmpty())
        m.insert(QStringLiteral("xesam:artist"), QStringList{track->artist});
    if (!track->album.isEmpty())
        m.insert(QStringLiteral("xesam:album"), track->album);
    m.insert(QStringLiteral("xesam:url"), QUrl::fromLocalFile(track->path).toString());
    const std::shared_ptr<const LibraryIndex>& index = playback_.library();
    if (const int row = index ? index->rowOf(track->id) : -1; row >= 0) {
        const QString& albumArtist = index->artistName(index->artistOf(row));
        if (!albumArtist.isEmpty())
            m.insert(QStringLiteral("xesam:albumArtist"), QStringList{albumArtist});
        const QString genres = index->genreText(row);
        if (!genres.isEmpty())
            m.insert(QStringLiteral("xesam:genre"), genres.split(QStringLiteral("; ")));
        if (index->trackNumber(row) > 0)
            m.insert(QStringLiteral("xesam:trackNumber"), index->trackNumber(row));
    }
    if (use_count_)
        m.insert(QStringLiteral("xesam:useCount"), use_count_(track->id));
    if (!art_url_.isEmpty() && art_path_ == track->path)
        m.insert(QStringLiteral("mpris:artUrl"), art_url_);
    return m;
}

void Mpris::propertiesChanged(const QString& interface, const QStringList& names) {
    if (service_.isEmpty())
        return;
    QObject* adaptor = interface == kPlayer ? static_cast<QObject*>(player_) : root_;
    QVariantMap changed;
    for (const QString& name : names)
        changed.insert(name, adaptor->property(name.toLatin1().constData()));
    QDBusMessage signal = QDBusMessage::createSignal(
        QString::fromLatin1(kObjectPath), QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("PropertiesChanged"));
    signal << interface << changed << QStringList();
    bus_.send(signal);
}

void Mpris::trackChanged() {
    propertiesChanged(kPlayer, {QStringLiteral("Metadata"), QStringLiteral("CanGoNext"),
                                QStringLiteral("CanGoPrevious"), QStringLiteral("CanPlay"),
                                QStringLiteral("CanPause"), QStringLiteral("CanSeek")});
    const std::optional<TrackInfo>& track = playback_.current();
    if (track && track->path != art_path_)
        covers_->request(track->path, QSize(kArtSize, kArtSize));
}

// The cover as a PNG in the cache folder, written off the GUI thread; its file:// URL is
// mpris:artUrl (desktop widgets read pictures from files).
void Mpris::coverReady(const QString& audioPath, const QImage& image) {
    const std::optional<TrackInfo>& track = playback_.current();
    if (!track || track->path != audioPath || image.isNull())
        return;
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/mpris");
    const QString file =
        folder + QLatin1Char('/') +
        QString::fromLatin1(
            QCryptographicHash::hash(audioPath.toUtf8(), QCryptographicHash::Sha1).toHex()) +
        QStringLiteral(".png");
    auto* watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, audioPath, file] {
        watcher->deleteLater();
        const std::optional<TrackInfo>& now = playback_.current();
        if (!watcher->result() || !now || now->path != audioPath)
            return;
        art_path_ = audioPath;
        art_url_ = QUrl::fromLocalFile(file).toString();
        propertiesChanged(kPlayer, {QStringLiteral("Metadata")});
    });
    watcher->setFuture(QtConcurrent::run(
        [image, folder, file] { return QDir().mkpath(folder) && image.save(file, "PNG"); }));
}

}  // namespace encore
