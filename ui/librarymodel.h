#pragma once

#include "core/track.h"

#include <QAbstractTableModel>
#include <QList>

namespace encore {

// The library as a table. Holds rows loaded off the GUI thread and never runs SQL itself.
class LibraryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Title, Artist, Album, Genre, Year, Duration, ColumnCount };
    static constexpr int kTrackIdRole = Qt::UserRole + 1;

    explicit LibraryModel(QObject* parent = nullptr);

    void setTracks(QList<Track> tracks);
    const Track* trackAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Track> tracks_;
};

}  // namespace encore
