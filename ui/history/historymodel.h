#pragma once

#include "listens/historyreader.h"
#include "store/play.h"

#include <QAbstractTableModel>

#include <vector>

namespace encore {

class Engine;

// The active profile's listening log, newest first, read page by page off the GUI thread
// (fetchMore), so that a log of 1,000,000 listens opens as fast as one of ten. New listens
// are added on top as they are logged; imports, deletions and a profile switch reload it.
class HistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { When, Title, Artist, Album, Heard, Outcome, Source, ColumnCount };
    static constexpr int kPlayIdRole = Qt::UserRole + 1;
    static constexpr int kTrackIdRole = Qt::UserRole + 2;
    static constexpr int kHasFileRole = Qt::UserRole + 3;
    static constexpr int kDefaultPageSize = 250;

    explicit HistoryModel(Engine& engine, QObject* parent = nullptr);

    void setPageSize(int rows);
    ProfileId profile() const { return profile_; }
    // Listens of the profile in the log (-1 until counted).
    qint64 totalCount() const { return total_; }
    bool isLoading() const { return fetching_; }
    // Whether reload() ran (the model reads nothing until its page is first shown).
    bool hasLoaded() const { return loaded_; }
    const HistoryEntry& entryAt(int row) const { return rows_[size_t(row)]; }

    // Reads again from the newest listen (the view keeps nothing of the old rows).
    void reload();

    // Words for an end reason and for a listen's source, as the table shows them.
    static QString outcomeText(const HistoryEntry& entry);
    static QString sourceText(const HistoryEntry& entry);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void totalCountChanged(qint64 total);
    // A page (or new listens) arrived.
    void rowsLoaded();
    void loadFailed(const QString& message);

private:
    void onPlayLogged(const Play& play);
    void fetchNewer();
    void recount();
    void appendPage(const QList<HistoryEntry>& page);
    void prependNewer(const QList<HistoryEntry>& newer);

    Engine& engine_;
    std::vector<HistoryEntry> rows_;
    ProfileId profile_ = 0;
    int page_size_ = kDefaultPageSize;
    qint64 total_ = -1;
    quint64 generation_ = 0;  // results of an older reload are dropped
    quint64 count_generation_ = 0;
    bool loaded_ = false;
    bool fetching_ = false;
    bool at_end_ = false;
    bool fetching_newer_ = false;
    bool newer_pending_ = false;
};

}  // namespace encore
