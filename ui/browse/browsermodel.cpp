#include "browse/browsermodel.h"

#include "widgets/formatting.h"

#include <QHash>

namespace encore {

BrowserModel::BrowserModel(Kind kind, QObject* parent) : QAbstractListModel(parent), kind_(kind) {}

const std::vector<int>& BrowserModel::facetOrder() const {
    switch (kind_) {
        case Kind::Genre:
            return index_->genresInOrder();
        case Kind::Artist:
            return index_->artistsInOrder();
        case Kind::Album:
            break;
    }
    return index_->albumsInOrder();
}

void BrowserModel::setIndex(std::shared_ptr<const LibraryIndex> index) {
    beginResetModel();
    index_ = std::move(index);
    facets_.clear();
    counts_.clear();
    row_of_.clear();
    total_ = 0;
    ambiguous_albums_.clear();
    if (index_ && kind_ == Kind::Album) {
        QHash<QString, int> seen;
        for (int a = 0; a < index_->albumCount(); ++a) {
            if (++seen[index_->albumName(a)] == 2)
                ambiguous_albums_.insert(index_->albumName(a));
        }
    }
    endResetModel();
}

void BrowserModel::setCounts(const std::vector<int>& counts, int total, int pinned) {
    if (!index_)
        return;
    std::vector<int> facets;
    for (const int facet : facetOrder()) {
        if (facet < int(counts.size()) && (counts[size_t(facet)] > 0 || facet == pinned))
            facets.push_back(facet);
    }
    const bool sameRows = facets == facets_;
    if (!sameRows)
        beginResetModel();
    facets_ = std::move(facets);
    counts_ = counts;
    total_ = total;
    if (!sameRows) {
        row_of_.assign(counts_.size(), -1);
        for (size_t i = 0; i < facets_.size(); ++i)
            row_of_[size_t(facets_[i])] = int(i) + 1;
        endResetModel();
    } else if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, kCountRole});
    }
}

int BrowserModel::facetAt(int row) const {
    return row >= 1 && row <= int(facets_.size()) ? facets_[size_t(row - 1)] : -1;
}

int BrowserModel::rowOfFacet(int facet) const {
    if (facet < 0)
        return index_ ? 0 : -1;
    return facet < int(row_of_.size()) ? row_of_[size_t(facet)] : -1;
}

int BrowserModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !index_ ? 0 : int(facets_.size()) + 1;
}

QString BrowserModel::nameOf(int facet) const {
    switch (kind_) {
        case Kind::Genre: {
            const QString& name = index_->genreName(facet);
            return name.isEmpty() ? tr("No genre") : name;
        }
        case Kind::Artist: {
            const QString& name = index_->artistName(facet);
            return name.isEmpty() ? tr("Unknown artist") : name;
        }
        case Kind::Album:
            break;
    }
    const QString& name = index_->albumName(facet);
    const QString shown = name.isEmpty() ? tr("Unknown album") : name;
    if (ambiguous_albums_.contains(name) && !index_->albumArtistName(facet).isEmpty())
        return tr("%1 (%2)").arg(shown, index_->albumArtistName(facet));
    return shown;
}

QVariant BrowserModel::data(const QModelIndex& idx, int role) const {
    if (!checkIndex(idx, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int facet = facetAt(idx.row());
    if (role == kFacetRole)
        return facet;
    if (idx.row() == 0) {
        const int shown = int(facets_.size());
        switch (role) {
            case Qt::DisplayRole:
                switch (kind_) {
                    case Kind::Genre:
                        return tr("All genres");
                    case Kind::Artist:
                        return tr("All artists");
                    case Kind::Album:
                        return tr("All albums");
                }
                return {};
            case kCountRole:
                return total_;
            case Qt::ToolTipRole:
                switch (kind_) {
                    case Kind::Genre:
                        return tr("%1 genres · %2 tracks")
                            .arg(Formatting::count(shown), Formatting::count(total_));
                    case Kind::Artist:
                        return tr("%1 artists · %2 tracks")
                            .arg(Formatting::count(shown), Formatting::count(total_));
                    case Kind::Album:
                        break;
                }
                return tr("%1 albums · %2 tracks")
                    .arg(Formatting::count(shown), Formatting::count(total_));
            default:
                return {};
        }
    }
    const int count = counts_[size_t(facet)];
    switch (role) {
        case Qt::DisplayRole:
            return nameOf(facet);
        case kCountRole:
            return count;
        case Qt::ToolTipRole:
            if (kind_ == Kind::Album && !index_->albumArtistName(facet).isEmpty())
                return tr("%1 by %2 · %3 tracks")
                    .arg(nameOf(facet), index_->albumArtistName(facet), Formatting::count(count));
            return tr("%1 · %2 tracks").arg(nameOf(facet), Formatting::count(count));
        default:
            return {};
    }
}

}  // namespace encore
