#include "librarymodel.h"

namespace encore {

namespace {

QString formatDuration(int ms) {
    const int seconds = ms / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

LibraryModel::LibraryModel(QObject* parent) : QAbstractTableModel(parent) {}

void LibraryModel::setTracks(QList<Track> tracks) {
    beginResetModel();
    tracks_ = std::move(tracks);
    endResetModel();
}

const Track* LibraryModel::trackAt(int row) const {
    return row >= 0 && row < tracks_.size() ? &tracks_[row] : nullptr;
}

int LibraryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(tracks_.size());
}

int LibraryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LibraryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= tracks_.size())
        return {};
    const Track& t = tracks_[index.row()];
    if (role == kTrackIdRole)
        return t.id;
    if (role == Qt::TextAlignmentRole && (index.column() == Year || index.column() == Duration))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
        case Title:
            return t.tags.title.isEmpty() ? t.path.section(QLatin1Char('/'), -1) : t.tags.title;
        case Artist:
            return t.tags.artist;
        case Album:
            return t.tags.album;
        case Genre:
            return t.tags.genres.join(QStringLiteral(", "));
        case Year:
            return t.tags.year > 0 ? QVariant(t.tags.year) : QVariant();
        case Duration:
            return formatDuration(t.tags.duration_ms);
        default:
            return {};
    }
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case Title:
            return tr("Title");
        case Artist:
            return tr("Artist");
        case Album:
            return tr("Album");
        case Genre:
            return tr("Genre");
        case Year:
            return tr("Year");
        case Duration:
            return tr("Time");
        default:
            return {};
    }
}

}  // namespace encore
