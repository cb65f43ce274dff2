#pragma once

#include "dashboards/chartdata.h"

#include <QAbstractTableModel>

namespace encore::dashboards {

// The numbers behind a chart ("show numbers"): one row per category, one column per series.
class ChartTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // The raw value of a cell (a number for value columns, the category's name in column 0).
    static constexpr int kValueRole = Qt::UserRole + 1;

    explicit ChartTableModel(QObject* parent = nullptr);

    void setChartData(const ChartData& data);
    const ChartData& chartData() const { return data_; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ChartData data_;
};

}  // namespace encore::dashboards
