#pragma once

#include "library/libraryindex.h"

#include <QAbstractTableModel>
#include <QList>

#include <functional>
#include <optional>

namespace encore {

// Tracks the listener asked for next ("Play next", "Add to queue"); they play before the rest
// of the list and leave the queue when they start. Reorder by drag and drop or moveRows().
class PlayQueue : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Title, Artist, Album, Duration, ColumnCount };
    static constexpr int kTrackIdRole = Qt::UserRole + 1;
    static constexpr const char* kRowsMimeType = "application/x-encore-queue-rows";
    // Finds a dropped track's details (the library); unknown ids are ignored.
    using Resolver = std::function<std::optional<TrackInfo>(TrackId)>;

    explicit PlayQueue(QObject* parent = nullptr);

    void setResolver(Resolver resolver) { resolver_ = std::move(resolver); }

    void append(const QList<TrackInfo>& tracks);
    void insert(int row, const QList<TrackInfo>& tracks);
    void removeRowsAt(QList<int> rows);
    // Moves these rows, in their order, to sit before `target` (a row of the current list).
    void moveRowsTo(QList<int> rows, int target);
    void clear();
    std::optional<TrackInfo> takeFirst();
    const TrackInfo& at(int row) const { return entries_[row]; }
    int size() const { return int(entries_.size()); }
    bool isEmpty() const { return entries_.isEmpty(); }
    qint64 totalDurationMs() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                  const QModelIndex& destinationParent, int destinationChild) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

Q_SIGNALS:
    void changed();

private:
    QList<TrackInfo> entries_;
    Resolver resolver_;
};

}  // namespace encore
