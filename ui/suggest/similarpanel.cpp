#include "suggest/similarpanel.h"

#include "suggest/suggestionlist.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace encore {

SimilarPanel::SimilarPanel(SuggestionProvider& provider, QWidget* parent)
    : QWidget(parent)
    , provider_(provider)
    , heading_(new QLabel(tr("Similar songs"), this))
    , note_(new QLabel(tr("Select a track to see the songs most like it, and why."), this))
    , list_(new SuggestionList(this))
    , settle_(new QTimer(this)) {
    QFont bold = heading_->font();
    bold.setBold(true);
    heading_->setFont(bold);
    heading_->setWordWrap(true);
    note_->setWordWrap(true);
    note_->setForegroundRole(QPalette::PlaceholderText);
    settle_->setSingleShot(true);
    settle_->setInterval(kSettleMs);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(heading_);
    layout->addWidget(note_);
    layout->addWidget(list_, 1);
    setMinimumWidth(220);

    connect(settle_, &QTimer::timeout, this, &SimilarPanel::request);
    connect(&provider_, &SuggestionProvider::changed, this, &SimilarPanel::refresh);
    connect(list_, &SuggestionList::playRequested, this, [this](int row) {
        const QList<TrackId> ids = list_->trackIds();
        Q_EMIT playRequested(std::vector<TrackId>(ids.begin(), ids.end()), row);
    });
    connect(list_, &SuggestionList::enqueueRequested, this,
            [this](TrackId id) { Q_EMIT enqueueRequested({id}, false); });
    connect(list_, &SuggestionList::notForMeRequested, this, [this](TrackId id) {
        provider_.notForMe(id, 0);
        refresh();
    });
}

QString SimilarPanel::headingText() const {
    return heading_->text();
}

void SimilarPanel::showSimilar(TrackId track, const QString& title) {
    if (track == track_)
        return;
    track_ = track;
    heading_->setText(track ? tr("Similar to “%1”").arg(title) : tr("Similar songs"));
    if (!track) {
        ++generation_;
        list_->setSuggestions({});
        note_->setText(tr("Select a track to see the songs most like it, and why."));
        note_->show();
        return;
    }
    settle_->start();
}

void SimilarPanel::refresh() {
    if (track_)
        settle_->start();
}

void SimilarPanel::request() {
    const quint64 generation = ++generation_;
    using Answer = Result<QList<Suggestion>>;
    auto* watcher = new QFutureWatcher<Answer>(this);
    connect(watcher, &QFutureWatcher<Answer>::finished, this, [this, watcher, generation] {
        const Answer answer = watcher->result();
        watcher->deleteLater();
        if (generation != generation_)
            return;
        if (!answer) {
            list_->setSuggestions({});
            note_->setText(answer.error());
        } else {
            list_->setSuggestions(answer.value());
            note_->setText(tr("Nothing similar yet: play a little more and ask again."));
        }
        note_->setVisible(list_->count() == 0);
        Q_EMIT updated();
    });
    watcher->setFuture(provider_.similar(track_, kCount));
}

}  // namespace encore
