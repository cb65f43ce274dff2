#include "dashboards/charttablemodel.h"

namespace encore::dashboards {

ChartTableModel::ChartTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ChartTableModel::setChartData(const ChartData& data) {
    beginResetModel();
    data_ = data;
    endResetModel();
}

int ChartTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(data_.categories.size());
}

int ChartTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : 1 + int(data_.series.size());
}

QVariant ChartTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const int series = index.column() - 1;
    switch (role) {
        case Qt::DisplayRole:
            return series < 0 ? data_.categories[index.row()] : data_.text(series, index.row());
        case Qt::ToolTipRole:
            return series < 0 ? data_.categories[index.row()] : data_.toolTip(series, index.row());
        case Qt::TextAlignmentRole:
            return series < 0 || data_.format(series) == ChartData::Format::Text
                       ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                       : QVariant(Qt::AlignRight | Qt::AlignVCenter);
        case kValueRole:
            if (series < 0 || data_.format(series) == ChartData::Format::Text)
                return data_.text(series, index.row());
            if (series < int(data_.values.size()))
                return data_.values[std::size_t(series)][std::size_t(index.row())];
            return {};
        default:
            return {};
    }
}

QVariant ChartTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section == 0 ? data_.category_title : data_.series.value(section - 1);
}

}  // namespace encore::dashboards
