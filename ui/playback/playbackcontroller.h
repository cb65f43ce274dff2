#pragma once

#include "library/libraryindex.h"
#include "playback/listeningevents.h"
#include "playback/playbackorder.h"
#include "playback/player.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace encore {

class PlayQueue;

// Decides what plays: the queue first, then the list a track was started from (with shuffle
// and repeat). Drives a Player, reports every listening event through ListeningEvents, and
// on an error says why and moves on to the next track.
// What is worth finding again after a restart: the queue, the list being played and where in
// it, shuffle and repeat. The track is cued, not resumed mid-way (Play starts it again).
struct PlaybackSession {
    QList<TrackId> queue;
    QList<TrackId> context;  // the list from the current track on (capped; see session())
    TrackId current = 0;
    bool shuffle = false;
    RepeatMode repeat = RepeatMode::Off;
};

class PlaybackController : public QObject {
    Q_OBJECT

public:
    // After this many failures in a row playback stops instead of trying on.
    static constexpr int kMaxConsecutiveErrors = 5;
    // "Previous" later than this into a track restarts it instead.
    static constexpr qint64 kRestartThresholdMs = 3000;
    // How many tracks the player is told in advance: short ones pass through its buffers
    // before the controller hears that they started.
    static constexpr int kLookahead = 3;

    PlaybackController(std::unique_ptr<Player> player, PlayQueue* queue, QObject* parent = nullptr);
    ~PlaybackController() override;

    Player* player() const { return player_.get(); }
    PlayQueue* queue() const { return queue_; }
    ListeningEvents* events() const { return events_; }
    const PlaybackOrder& order() const { return order_; }
    PlaybackOrder& order() { return order_; }

    // Track details come from the current library snapshot.
    void setLibrary(std::shared_ptr<const LibraryIndex> index);
    std::optional<TrackInfo> resolve(TrackId id) const;

    // Plays `context[first]` and then the rest of `context`.
    void playContext(std::vector<TrackId> context, int first);
    void enqueue(const QList<TrackId>& ids, bool playNext);
    // Plays this queue row now (it leaves the queue).
    void playQueued(int row);

    // When the queue and the list run out, `source(current)` names a track to go on with
    // (autoplay from Up Next); an empty source or answer: playback stops there.
    using AutoplaySource = std::function<std::optional<TrackId>(TrackId current)>;
    void setAutoplay(AutoplaySource source);
    bool autoplay() const { return bool(autoplay_); }

    // The state to save at exit, and to restore once the library is loaded (ids the library no
    // longer has are left out; does nothing while something plays).
    PlaybackSession session() const;
    void restore(const PlaybackSession& session);

    const std::shared_ptr<const LibraryIndex>& library() const { return index_; }
    const std::optional<TrackInfo>& current() const { return current_; }
    // Something plays after the current track (the queue, the list or autoplay).
    bool hasNext() const;
    Player::State state() const { return player_->state(); }
    bool shuffle() const { return order_.shuffle(); }
    RepeatMode repeat() const { return order_.repeat(); }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlayPause();
    void stop();
    void next();
    void previous();
    void seek(qint64 ms);
    void setShuffle(bool on);
    void setRepeat(encore::RepeatMode mode);

Q_SIGNALS:
    // A new track was loaded (nullopt: nothing is loaded any more).
    void currentChanged(const std::optional<encore::TrackInfo>& track);
    void stateChanged(encore::Player::State state);
    void positionChanged(qint64 ms);
    void durationChanged(qint64 ms);
    void shuffleChanged(bool on);
    void repeatChanged(encore::RepeatMode mode);
    // Something the listener should read (a file that cannot play, and what happened next).
    void message(const QString& text);

private:
    enum class Close { Ended, UserChange, Stopped, Failed };
    // `byUser`: the listener moved on (the player may fade into it).
    void start(const TrackInfo& track, bool byUser = false);
    // Takes the next track at the natural end of this one: from the queue, the list or
    // autoplay (what upcomingTracks(1) showed).
    std::optional<TrackInfo> takeNext();
    // What plays after the current track, in order, as far as it is known (looked at on
    // copies: nothing is taken).
    QList<TrackInfo> upcomingTracks(int max) const;
    // Tells the player what follows, so that it joins without a gap.
    void refreshNext();
    void onAdvanced(const PlaybackItem& item);
    void openListen();
    PlaybackItem itemFor(const TrackInfo& track, const std::optional<TrackInfo>& neighbour) const;
    QString albumKeyOf(const TrackInfo& track) const;
    void closeListen(Close how, const QString& error = {});
    void advance(bool byUser);
    std::optional<TrackInfo> autoplayNext();
    void onStateChanged(Player::State state);
    void onEndOfMedia();
    void onError(const QString& message);

    std::unique_ptr<Player> player_;
    PlayQueue* queue_;
    ListeningEvents* events_;
    PlaybackOrder order_;
    AutoplaySource autoplay_;
    std::shared_ptr<const LibraryIndex> index_;
    std::optional<TrackInfo> current_;
    bool listen_open_ = false;
    bool awaiting_start_ = false;  // loaded, started() goes out when it really plays
    Player::State last_state_ = Player::State::Stopped;
    int consecutive_errors_ = 0;
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::TrackInfo)
Q_DECLARE_METATYPE(std::optional<encore::TrackInfo>)
