#include "playback/lyricspanel.h"

#include "playback/playbackcontroller.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace encore {

LyricsPanel::LyricsPanel(PlaybackController& playback, QWidget* parent)
    : QWidget(parent), playback_(playback), note_(new QLabel(this)), lines_(new QListWidget(this)) {
    note_->setWordWrap(true);
    note_->setForegroundRole(QPalette::PlaceholderText);
    lines_->setFrameShape(QFrame::NoFrame);
    lines_->setSelectionMode(QAbstractItemView::NoSelection);
    lines_->setFocusPolicy(Qt::NoFocus);
    lines_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note_);
    layout->addWidget(lines_, 1);
    connect(&playback_, &PlaybackController::currentChanged, this, &LyricsPanel::load);
    connect(&playback_, &PlaybackController::positionChanged, this, &LyricsPanel::follow);
    load(playback_.current());
}

QString LyricsPanel::note() const {
    return note_->text();
}

void LyricsPanel::load(const std::optional<TrackInfo>& track) {
    lines_->clear();
    lyrics_.reset();
    current_ = -1;
    path_ = track ? track->path : QString();
    if (!track) {
        note_->setText(tr("Lyrics of the song playing show here."));
        return;
    }
    note_->setText(tr("Looking for lyrics…"));
    using Read = Result<std::optional<Lyrics>>;
    auto* watcher = new QFutureWatcher<Read>(this);
    const QString path = track->path;
    connect(watcher, &QFutureWatcher<Read>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        show(path, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path] { return readLyrics(path); }));
}

void LyricsPanel::show(const QString& path, const Result<std::optional<Lyrics>>& read) {
    if (path != path_)
        return;  // the song changed while they were read
    if (!read) {
        note_->setText(read.error());
    } else if (!read.value()) {
        note_->setText(
            tr("No lyrics for this song. Put a .lrc file with the same name beside "
               "it, or add them to its tags."));
    } else {
        lyrics_ = read.value();
        note_->setText(lyrics_->synced ? tr("Synced lyrics from %1").arg(lyrics_->source)
                                       : tr("Lyrics from %1").arg(lyrics_->source));
        for (const LyricLine& line : lyrics_->lines) {
            auto* item = new QListWidgetItem(line.text, lines_);
            item->setTextAlignment(Qt::AlignCenter);
        }
        follow(playback_.player()->position());
    }
    Q_EMIT loaded();
}

void LyricsPanel::follow(qint64 positionMs) {
    if (!lyrics_ || !lyrics_->synced)
        return;
    const int line = lyrics_->lineAt(positionMs);
    if (line == current_)
        return;
    const auto setBold = [this](int row, bool bold) {
        if (QListWidgetItem* item = lines_->item(row)) {
            QFont font = item->font();
            font.setBold(bold);
            item->setFont(font);
            item->setForeground(bold ? palette().text() : palette().placeholderText());
        }
    };
    setBold(current_, false);
    current_ = line;
    setBold(current_, true);
    if (QListWidgetItem* item = lines_->item(qMax(0, current_)))
        lines_->scrollToItem(item, QAbstractItemView::PositionAtCenter);
}

}  // namespace encore
