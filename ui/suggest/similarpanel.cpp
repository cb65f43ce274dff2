#include "suggest/similarpanel.h"

#include "suggest/suggestionlist.h"
#include "suggest/suggestionmodel.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace encore {

namespace {
constexpr int kHintChars = 42;
}  // namespace

SimilarPanel::SimilarPanel(SuggestionProvider* provider, QWidget* parent)
    : QWidget(parent)
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
    setMinimumWidth(240);

    connect(settle_, &QTimer::timeout, this, &SimilarPanel::request);
    connect(list_, &SuggestionList::playRequested, this, [this](int row) {
        const QList<TrackId> ids = list_->trackIds();
        Q_EMIT playRequested(std::vector<TrackId>(ids.begin(), ids.end()), row);
    });
    connect(list_, &SuggestionList::enqueueRequested, this,
            [this](TrackId id) { Q_EMIT enqueueRequested({id}, false); });
    connect(list_, &SuggestionList::notForMeRequested, this, &SimilarPanel::notForMe);
    setProvider(provider);
}

void SimilarPanel::setProvider(SuggestionProvider* provider) {
    if (provider_)
        provider_->disconnect(this);
    provider_ = provider;
    if (provider_)
        connect(provider_, &SuggestionProvider::changed, this, &SimilarPanel::refresh);
    refresh();
}

// Wide enough for a title, its artist and a reason on two lines.
QSize SimilarPanel::sizeHint() const {
    return {fontMetrics().averageCharWidth() * kHintChars, QWidget::sizeHint().height()};
}

QString SimilarPanel::headingText() const {
    return heading_->text();
}

QString SimilarPanel::noteText() const {
    return note_->isVisibleTo(this) ? note_->text() : QString();
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
    if (!provider_ || !track_)
        return;
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
    watcher->setFuture(provider_->similar(track_, kCount));
}

// The row goes at once; the list is asked again once the feedback is stored.
void SimilarPanel::notForMe(TrackId track) {
    if (!provider_)
        return;
    list_->suggestionModel()->removeTrack(track);
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher] {
        const Status stored = watcher->result();
        watcher->deleteLater();
        if (!stored)
            Q_EMIT message(stored.error());
    });
    watcher->setFuture(provider_->notForMe(track, 0));
}

}  // namespace encore
