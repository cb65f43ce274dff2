#include "history/historymodel.h"

#include "engine.h"
#include "history/formatnames.h"
#include "widgets/formatting.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QPalette>

namespace encore {

namespace {

using Page = Result<QList<HistoryEntry>>;

// Calls `done(result)` on the GUI thread when `future` finishes.
template <typename T, typename Done>
void whenReady(QObject* context, QFuture<T> future, Done done) {
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        const T result = watcher->result();
        watcher->deleteLater();
        done(result);
    });
    watcher->setFuture(std::move(future));
}

HistoryCursor cursorOf(const HistoryEntry& e) {
    return HistoryCursor{e.started_at, e.track_id};
}

}  // namespace

HistoryModel::HistoryModel(Engine& engine, QObject* parent)
    : QAbstractTableModel(parent), engine_(engine), profile_(engine.activeProfile().id) {
    connect(&engine_, &Engine::playLogged, this, &HistoryModel::onPlayLogged);
    connect(&engine_, &Engine::historyChanged, this, [this] {
        if (loaded_)
            reload();
    });
    connect(&engine_, &Engine::activeProfileChanged, this, [this](const Profile& profile) {
        profile_ = profile.id;
        if (loaded_)
            reload();
    });
}

void HistoryModel::setPageSize(int rows) {
    page_size_ = qMax(1, rows);
}

void HistoryModel::reload() {
    loaded_ = true;
    ++generation_;
    beginResetModel();
    rows_.clear();
    fetching_ = false;
    at_end_ = false;
    fetching_newer_ = false;
    newer_pending_ = false;
    endResetModel();
    recount();
    fetchMore({});
}

void HistoryModel::recount() {
    const quint64 generation = ++count_generation_;
    whenReady(this, engine_.countListens(profile_), [this, generation](const Result<qint64>& n) {
        if (generation != count_generation_ || !n)
            return;
        total_ = n.value();
        Q_EMIT totalCountChanged(total_);
    });
}

bool HistoryModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && loaded_ && !at_end_ && !fetching_;
}

void HistoryModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    fetching_ = true;
    const std::optional<HistoryCursor> after =
        rows_.empty() ? std::nullopt : std::optional<HistoryCursor>(cursorOf(rows_.back()));
    const quint64 generation = generation_;
    whenReady(this, engine_.historyPage(profile_, after, page_size_),
              [this, generation](const Page& page) {
                  if (generation != generation_)
                      return;
                  if (!page) {
                      fetching_ = false;
                      at_end_ = true;  // no retry loop on a broken database
                      Q_EMIT loadFailed(page.error());
                      return;
                  }
                  appendPage(page.value());
              });
}

// Still `fetching_` while the rows go in: a fetchMore() from a slot on rowsAboutToBeInserted
// would otherwise ask again for the page being inserted.
void HistoryModel::appendPage(const QList<HistoryEntry>& page) {
    at_end_ = page.size() < page_size_;
    if (!page.isEmpty()) {
        const int first = int(rows_.size());
        beginInsertRows({}, first, first + int(page.size()) - 1);
        rows_.insert(rows_.end(), page.begin(), page.end());
        endInsertRows();
    }
    fetching_ = false;
    Q_EMIT rowsLoaded();
    if (newer_pending_ && !fetching_newer_) {
        newer_pending_ = false;
        fetchNewer();
    }
}

void HistoryModel::onPlayLogged(const Play& play) {
    if (!loaded_ || play.profile_id != profile_)
        return;
    recount();
    fetchNewer();
}

void HistoryModel::fetchNewer() {
    if (rows_.empty()) {
        // Nothing to add on top of: the first page brings the listen, or the one after it
        // when the running one was read before the listen was written.
        if (fetching_) {
            newer_pending_ = true;
        } else {
            at_end_ = false;
            fetchMore({});
        }
        return;
    }
    if (fetching_newer_) {
        newer_pending_ = true;
        return;
    }
    fetching_newer_ = true;
    const quint64 generation = generation_;
    whenReady(this, engine_.historyNewerThan(profile_, cursorOf(rows_.front()), page_size_),
              [this, generation](const Page& newer) {
                  if (generation != generation_)
                      return;
                  fetching_newer_ = false;
                  if (!newer) {
                      Q_EMIT loadFailed(newer.error());
                      return;
                  }
                  if (newer->size() >= page_size_) {
                      reload();  // more arrived than a page: start over from the top
                      return;
                  }
                  prependNewer(newer.value());
                  if (newer_pending_) {
                      newer_pending_ = false;
                      fetchNewer();
                  }
              });
}

void HistoryModel::prependNewer(const QList<HistoryEntry>& newer) {
    if (newer.isEmpty())
        return;
    beginInsertRows({}, 0, int(newer.size()) - 1);
    rows_.insert(rows_.begin(), newer.begin(), newer.end());
    endInsertRows();
    Q_EMIT rowsLoaded();
}

QString HistoryModel::outcomeText(const HistoryEntry& e) {
    if (e.counted || e.end_reason == EndReason::Finished)
        return tr("Played");
    switch (e.end_reason) {
        case EndReason::Skipped:
            return tr("Skipped");
        case EndReason::Error:
            return tr("Could not play");
        case EndReason::Stopped:
        case EndReason::Finished:
            break;
    }
    return tr("Stopped");
}

QString HistoryModel::sourceText(const HistoryEntry& e) {
    if (e.import_id == 0)
        return tr("This computer");
    const QString file = e.import_path.section(QLatin1Char('/'), -1);
    return tr("%1 · %2").arg(FormatNames::shortName(e.import_format), file);
}

int HistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry& e = rows_[size_t(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case When:
                    return Formatting::listenTime(e.started_at, e.utc_offset_minutes);
                case Title:
                    return e.title;
                case Artist:
                    return e.artist;
                case Album:
                    return e.album;
                case Heard:
                    return e.ms_played >= 0 ? Formatting::clock(e.ms_played) : QString();
                case Outcome:
                    return outcomeText(e);
                case Source:
                    return sourceText(e);
            }
            return {};
        case Qt::ToolTipRole:
            if (index.column() == Source && e.import_id != 0)
                return tr("Imported from %1 (%2)")
                    .arg(e.import_path, FormatNames::title(e.import_format));
            if (index.column() == Heard && e.ms_played >= 0 && e.duration_ms > 0)
                return tr("%1 heard of %2")
                    .arg(Formatting::clock(e.ms_played), Formatting::clock(e.duration_ms));
            if (index.column() == Title && !e.has_file)
                return tr("Not in your library: known from an imported history");
            return {};
        case Qt::ForegroundRole:
            // Skips and early stops are part of the log, but quieter than plays.
            if (!e.counted && e.end_reason != EndReason::Finished)
                return QGuiApplication::palette().color(QPalette::PlaceholderText);
            return {};
        case Qt::TextAlignmentRole:
            if (index.column() == Heard)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            return {};
        case kPlayIdRole:
            return e.play_id;
        case kTrackIdRole:
            return e.track_id;
        case kHasFileRole:
            return e.has_file;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
        case When:
            return tr("When");
        case Title:
            return tr("Title");
        case Artist:
            return tr("Artist");
        case Album:
            return tr("Album");
        case Heard:
            return tr("Heard");
        case Outcome:
            return tr("Result");
        case Source:
            return tr("Source");
    }
    return {};
}

}  // namespace encore
