#include "desktop/mprisplayer.h"

#include "desktop/mpris.h"
#include "playback/playbackcontroller.h"
#include "playback/playqueue.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QUrl>

namespace encore {

namespace {

constexpr qlonglong kUsPerMs = 1000;

}  // namespace

MprisPlayer::MprisPlayer(Mpris* mpris) : QDBusAbstractAdaptor(mpris), mpris_(mpris) {
    // Properties are set from D-Bus only through their WRITE functions: none is automatic.
    setAutoRelaySignals(false);
}

QString MprisPlayer::playbackStatus() const {
    switch (mpris_->playback().state()) {
        case Player::State::Playing:
            return QStringLiteral("Playing");
        case Player::State::Paused:
            return QStringLiteral("Paused");
        case Player::State::Stopped:
            break;
    }
    return QStringLiteral("Stopped");
}

QString MprisPlayer::loopStatus() const {
    switch (mpris_->playback().repeat()) {
        case RepeatMode::One:
            return QStringLiteral("Track");
        case RepeatMode::All:
            return QStringLiteral("Playlist");
        case RepeatMode::Off:
            break;
    }
    return QStringLiteral("None");
}

void MprisPlayer::setLoopStatus(const QString& status) {
    if (status == QLatin1String("Track"))
        mpris_->playback().setRepeat(RepeatMode::One);
    else if (status == QLatin1String("Playlist"))
        mpris_->playback().setRepeat(RepeatMode::All);
    else if (status == QLatin1String("None"))
        mpris_->playback().setRepeat(RepeatMode::Off);
}

bool MprisPlayer::shuffle() const {
    return mpris_->playback().shuffle();
}

void MprisPlayer::setShuffle(bool on) {
    mpris_->playback().setShuffle(on);
}

QVariantMap MprisPlayer::metadata() const {
    return mpris_->metadata();
}

double MprisPlayer::volume() const {
    return mpris_->playback().player()->volume();
}

void MprisPlayer::setVolume(double volume) {
    mpris_->playback().player()->setVolume(float(qBound(0.0, volume, 1.0)));
}

qlonglong MprisPlayer::position() const {
    return mpris_->playback().player()->position() * kUsPerMs;
}

bool MprisPlayer::canGoNext() const {
    return mpris_->playback().hasNext();
}

bool MprisPlayer::canGoPrevious() const {
    return mpris_->playback().current().has_value();
}

bool MprisPlayer::canPlay() const {
    const PlaybackController& p = mpris_->playback();
    return p.current().has_value() || !p.queue()->isEmpty();
}

bool MprisPlayer::canPause() const {
    return mpris_->playback().current().has_value();
}

bool MprisPlayer::canSeek() const {
    const PlaybackController& p = mpris_->playback();
    return p.current().has_value() && p.player()->duration() > 0;
}

void MprisPlayer::Next() {
    if (canGoNext())
        mpris_->playback().next();
}

void MprisPlayer::Previous() {
    if (canGoPrevious())
        mpris_->playback().previous();
}

void MprisPlayer::Pause() {
    mpris_->playback().pause();
}

void MprisPlayer::PlayPause() {
    mpris_->playback().togglePlayPause();
}

void MprisPlayer::Stop() {
    mpris_->playback().stop();
}

void MprisPlayer::Play() {
    mpris_->playback().play();
}

void MprisPlayer::Seek(qlonglong offsetUs) {
    PlaybackController& p = mpris_->playback();
    if (!canSeek())
        return;
    const qint64 target = p.player()->position() + offsetUs / kUsPerMs;
    if (target >= p.player()->duration()) {
        Next();  // MPRIS: seeking past the end acts like Next
        return;
    }
    p.seek(qMax<qint64>(0, target));
}

void MprisPlayer::SetPosition(const QDBusObjectPath& trackId, qlonglong positionUs) {
    PlaybackController& p = mpris_->playback();
    if (!p.current() || trackId.path() != Mpris::trackPath(p.current()->id))
        return;  // stale: meant for a track that no longer plays
    const qint64 ms = positionUs / kUsPerMs;
    if (ms < 0 || ms > p.player()->duration())
        return;
    p.seek(ms);
}

void MprisPlayer::OpenUri(const QString& uri) {
    const QUrl url(uri);
    const std::shared_ptr<const LibraryIndex>& index = mpris_->playback().library();
    if (url.isLocalFile() && index) {
        if (const int row = index->rowOfFile(url.toLocalFile()); row >= 0) {
            mpris_->playback().playContext({index->id(row)}, 0);
            return;
        }
    }
    if (mpris_->calledFromDBus())
        mpris_->sendErrorReply(QDBusError::InvalidArgs,
                               QStringLiteral("%1 is not in Encore's library: add its folder in "
                                              "Settings first.")
                                   .arg(uri));
}

}  // namespace encore
