#include "playback/nowplayingbar.h"

#include "playback/coverloader.h"
#include "playback/playbackcontroller.h"
#include "playback/seekslider.h"
#include "widgets/badge.h"
#include "widgets/elidedlabel.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

namespace encore {

namespace {

const auto kVolumeKey = QStringLiteral("playback/volume");
const auto kMutedKey = QStringLiteral("playback/muted");
constexpr int kDefaultVolume = 80;
constexpr int kCoverRadius = 6;

QPixmap rounded(const QImage& image, int size, qreal dpr) {
    QPixmap out(QSize(size, size) * dpr);
    out.setDevicePixelRatio(dpr);
    out.fill(Qt::transparent);
    QPainter p(&out);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath clip;
    clip.addRoundedRect(QRectF(0, 0, size, size), kCoverRadius, kCoverRadius);
    p.setClipPath(clip);
    const QImage scaled = image.scaled(QSize(size, size) * dpr, Qt::KeepAspectRatioByExpanding,
                                       Qt::SmoothTransformation);
    const QRectF source((scaled.width() - size * dpr) / 2, (scaled.height() - size * dpr) / 2,
                        size * dpr, size * dpr);
    p.drawImage(QRectF(0, 0, size, size), scaled, source);
    return out;
}

}  // namespace

NowPlayingBar::NowPlayingBar(PlaybackController& playback, CoverLoader& covers, QWidget* parent)
    : QWidget(parent)
    , playback_(playback)
    , covers_(covers)
    , cover_(new QLabel(this))
    , title_(new ElidedLabel(this))
    , detail_(new ElidedLabel(this))
    , elapsed_(new QLabel(this))
    , seek_(new SeekSlider(this))
    , total_(new QLabel(this))
    , volume_(new QSlider(Qt::Horizontal, this))
    , incognito_(new Badge(tr("Incognito"), this))
    , no_output_(new Badge(tr("No sound output: nothing is being played"), this)) {
    cover_->setFixedSize(kCoverSize, kCoverSize);
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    title_->setFont(titleFont);
    detail_->setForegroundRole(QPalette::PlaceholderText);

    shuffle_ = makeButton(tr("Shuffle"));
    shuffle_->setCheckable(true);
    previous_ = makeButton(tr("Previous (Ctrl+Left)"));
    play_ = makeButton(tr("Play (Space)"));
    play_->setIconSize(QSize(32, 32));
    next_ = makeButton(tr("Next (Ctrl+Right)"));
    repeat_ = makeButton(tr("Repeat"));
    repeat_->setCheckable(true);
    mute_ = makeButton(tr("Mute"));
    mute_->setCheckable(true);

    for (QLabel* time : {elapsed_, total_}) {
        time->setForegroundRole(QPalette::PlaceholderText);
        time->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00:00:00")));
        time->setAlignment(Qt::AlignCenter);
    }
    volume_->setRange(0, 100);
    volume_->setFixedWidth(110);
    volume_->setFocusPolicy(Qt::NoFocus);
    volume_->setToolTip(tr("Volume"));

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addStretch();
    text->addWidget(title_);
    text->addWidget(detail_);
    text->addStretch();

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addStretch();
    for (QToolButton* b : {shuffle_, previous_, play_, next_, repeat_})
        buttons->addWidget(b);
    buttons->addStretch();
    auto* seekRow = new QHBoxLayout;
    seekRow->addWidget(elapsed_);
    seekRow->addWidget(seek_, 1);
    seekRow->addWidget(total_);
    auto* transport = new QVBoxLayout;
    transport->setSpacing(0);
    transport->addLayout(buttons);
    transport->addLayout(seekRow);

    incognito_->setToolTip(
        tr("Nothing you play is logged while incognito is on "
           "(Settings → Privacy, or encore-cli incognito off)"));
    incognito_->hide();
    no_output_->setToolTip(
        tr("Encore found no audio output. The player still runs so you can try it, but nothing "
           "is heard and nothing is logged as listening, so recommendations do not learn from "
           "it. Connect headphones or speakers, or check the sound settings of your desktop."));
    no_output_->hide();
    auto* volume = new QHBoxLayout;
    controls_ = volume;
    volume->addStretch();
    volume->addWidget(no_output_);
    volume->addWidget(incognito_);
    volume->addSpacing(6);
    mute_index_ = volume->count();
    volume->addWidget(mute_);
    volume->addWidget(volume_);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(12);
    layout->addWidget(cover_);
    layout->addLayout(text, 3);
    layout->addLayout(transport, 4);
    layout->addLayout(volume, 2);

    connect(shuffle_, &QToolButton::toggled, &playback_, &PlaybackController::setShuffle);
    connect(previous_, &QToolButton::clicked, &playback_, &PlaybackController::previous);
    connect(play_, &QToolButton::clicked, &playback_, &PlaybackController::togglePlayPause);
    connect(next_, &QToolButton::clicked, &playback_, &PlaybackController::next);
    connect(repeat_, &QToolButton::clicked, this, &NowPlayingBar::cycleRepeat);
    connect(seek_, &SeekSlider::seekRequested, &playback_, &PlaybackController::seek);
    connect(seek_, &QSlider::sliderMoved, this,
            [this](int ms) { elapsed_->setText(Formatting::clock(ms)); });
    connect(&playback_, &PlaybackController::currentChanged, this, &NowPlayingBar::showTrack);
    connect(&playback_, &PlaybackController::stateChanged, this, &NowPlayingBar::showState);
    connect(&playback_, &PlaybackController::positionChanged, this, &NowPlayingBar::showPosition);
    connect(&playback_, &PlaybackController::durationChanged, this, &NowPlayingBar::showDuration);
    connect(&playback_, &PlaybackController::shuffleChanged, shuffle_, &QToolButton::setChecked);
    connect(&playback_, &PlaybackController::repeatChanged, this, &NowPlayingBar::showRepeat);
    connect(&covers_, &CoverLoader::coverReady, this, &NowPlayingBar::showCover);

    Player* player = playback_.player();
    QSettings settings;
    volume_->setValue(settings.value(kVolumeKey, kDefaultVolume).toInt());
    player->setVolume(float(volume_->value()) / 100.0f);
    mute_->setChecked(settings.value(kMutedKey, false).toBool());
    player->setMuted(mute_->isChecked());
    connect(volume_, &QSlider::valueChanged, this, [player](int v) {
        player->setVolume(float(v) / 100.0f);
        QSettings().setValue(kVolumeKey, v);
    });
    connect(player, &Player::volumeChanged, volume_, [this](float v) {
        const QSignalBlocker quiet(volume_);  // from elsewhere (MPRIS): the slider follows
        volume_->setValue(qRound(v * 100.0f));
        QSettings().setValue(kVolumeKey, volume_->value());
    });
    connect(mute_, &QToolButton::toggled, this, [this, player](bool muted) {
        player->setMuted(muted);
        QSettings().setValue(kMutedKey, muted);
        refreshIcons();
    });

    connect(player, &Player::outputChanged, this, &NowPlayingBar::showOutput);

    shuffle_->setChecked(playback_.shuffle());
    showRepeat(playback_.repeat());
    showOutput();
    showTrack(playback_.current());
    showState(playback_.state());
    refreshIcons();
}

QToolButton* NowPlayingBar::makeButton(const QString& tip) {
    auto* b = new QToolButton(this);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    b->setIconSize(QSize(20, 20));
    b->setFocusPolicy(Qt::NoFocus);
    return b;
}

QString NowPlayingBar::titleText() const {
    return title_->fullText();
}

QString NowPlayingBar::detailText() const {
    return detail_->fullText();
}

QString NowPlayingBar::elapsedText() const {
    return elapsed_->text();
}

void NowPlayingBar::showTrack(const std::optional<TrackInfo>& track) {
    const bool loaded = track.has_value();
    for (QWidget* w : {static_cast<QWidget*>(previous_), static_cast<QWidget*>(next_),
                       static_cast<QWidget*>(seek_)})
        w->setEnabled(loaded);
    if (!loaded) {
        title_->setFullText(tr("Nothing playing"));
        detail_->setFullText(tr("Double-click a track to play it"));
        elapsed_->clear();
        total_->clear();
        seek_->setRange(0, 0);
        cover_path_.clear();
        showPlaceholderCover();
        return;
    }
    title_->setFullText(track->title);
    QStringList detail;
    if (!track->artist.isEmpty())
        detail << track->artist;
    if (!track->album.isEmpty())
        detail << track->album;
    detail_->setFullText(detail.join(QStringLiteral(" — ")));
    showDuration(track->duration_ms);
    showPosition(0);
    if (track->path != cover_path_) {
        cover_path_ = track->path;
        has_cover_ = false;
        covers_.request(track->path, QSize(kCoverSize, kCoverSize) * devicePixelRatioF());
    }
}

void NowPlayingBar::showCover(const QString& path, const QImage& image) {
    if (path != cover_path_)
        return;
    if (image.isNull()) {
        showPlaceholderCover();
        return;
    }
    has_cover_ = true;
    cover_->setPixmap(rounded(image, kCoverSize, devicePixelRatioF()));
}

void NowPlayingBar::showPlaceholderCover() {
    has_cover_ = false;
    const qreal dpr = devicePixelRatioF();
    QPixmap tile(QSize(kCoverSize, kCoverSize) * dpr);
    tile.setDevicePixelRatio(dpr);
    tile.fill(Qt::transparent);
    QPainter p(&tile);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::AlternateBase));
    p.drawRoundedRect(QRectF(0, 0, kCoverSize, kCoverSize), kCoverRadius, kCoverRadius);
    const int icon = kCoverSize / 2;
    p.drawPixmap((kCoverSize - icon) / 2, (kCoverSize - icon) / 2,
                 Icons::get(QStringLiteral("audio-x-generic")).pixmap(icon, icon, QIcon::Disabled));
    p.end();
    cover_->setPixmap(tile);
}

void NowPlayingBar::showState(Player::State state) {
    const bool playing = state == Player::State::Playing;
    play_->setIcon(Icons::get(playing ? QStringLiteral("media-playback-pause")
                                      : QStringLiteral("media-playback-start")));
    play_->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
}

void NowPlayingBar::showPosition(qint64 ms) {
    seek_->follow(ms);
    if (!seek_->isSliderDown())
        elapsed_->setText(Formatting::clock(ms));
}

void NowPlayingBar::showDuration(qint64 ms) {
    seek_->setRange(0, int(qMax<qint64>(0, ms)));
    total_->setText(Formatting::duration(ms));
}

void NowPlayingBar::showRepeat(RepeatMode mode) {
    repeat_->setChecked(mode != RepeatMode::Off);
    repeat_->setToolTip(mode == RepeatMode::Off   ? tr("Repeat: off")
                        : mode == RepeatMode::All ? tr("Repeat: the whole list")
                                                  : tr("Repeat: this track"));
    refreshIcons();
}

void NowPlayingBar::cycleRepeat() {
    const RepeatMode next = playback_.repeat() == RepeatMode::Off   ? RepeatMode::All
                            : playback_.repeat() == RepeatMode::All ? RepeatMode::One
                                                                    : RepeatMode::Off;
    playback_.setRepeat(next);
    showRepeat(next);
}

void NowPlayingBar::refreshIcons() {
    shuffle_->setIcon(Icons::get(QStringLiteral("media-playlist-shuffle")));
    previous_->setIcon(Icons::get(QStringLiteral("media-skip-backward")));
    next_->setIcon(Icons::get(QStringLiteral("media-skip-forward")));
    repeat_->setIcon(Icons::get(playback_.repeat() == RepeatMode::One
                                    ? QStringLiteral("media-playlist-repeat-song")
                                    : QStringLiteral("media-playlist-repeat")));
    mute_->setIcon(Icons::get(mute_->isChecked() ? QStringLiteral("audio-volume-muted")
                                                 : QStringLiteral("audio-volume-high")));
    showState(playback_.state());
    if (!has_cover_)
        showPlaceholderCover();
}

void NowPlayingBar::setIncognito(bool on) {
    incognito_->setVisible(on);
}

bool NowPlayingBar::showsIncognito() const {
    return incognito_->isVisibleTo(this);
}

void NowPlayingBar::showOutput() {
    no_output_->setVisible(!playback_.player()->reachesOutput());
}

bool NowPlayingBar::showsNoOutput() const {
    return no_output_->isVisibleTo(this);
}

QString NowPlayingBar::noOutputText() const {
    return no_output_->text();
}

void NowPlayingBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        refreshIcons();
    QWidget::changeEvent(event);
}

void NowPlayingBar::addControl(QWidget* control) {
    controls_->insertWidget(mute_index_++, control);
}

}  // namespace encore
