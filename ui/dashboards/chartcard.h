#pragma once

#include "dashboards/chartdata.h"
#include "dashboards/chartview.h"

#include <QFrame>

#include <memory>

class QLabel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace encore::dashboards {

class ChartTableModel;
class ChartView;

// One dashboard: a title that states the answer, a caption saying what is counted, the chart
// (tooltips give exact values), a "show numbers" toggle to the table behind it, "Details"
// for the method behind the words (test, interval, model), and export as PNG or CSV.
class ChartCard : public QFrame {
    Q_OBJECT

public:
    ChartCard(const QString& key, ChartData::Kind kind, QWidget* parent = nullptr);
    ~ChartCard() override;

    const QString& key() const { return key_; }
    void setHeadline(const QString& headline);
    QString headline() const;
    void setCaption(const QString& caption);
    QString caption() const;
    // The method, interval and test behind the headline: hidden until "Details" is pressed;
    // the button is hidden when there is nothing more to say.
    void setDetails(const QString& details);
    QString details() const;
    bool detailsShown() const;
    void showDetails(bool shown);
    // The labels the chart drew, in this card's coordinates (empty for tables).
    QList<ChartLabel> chartLabels() const;
    QWidget* chartWidget() const;
    void setData(const ChartData& data);
    const ChartData& data() const;
    bool hasData() const { return has_data_; }
    // Until the first data arrives: a "Computing..." placeholder.
    void setPending(bool pending);
    bool isPending() const { return pending_; }

    // Shows the chart in place of its placeholder (the page reveals one card at a time).
    void reveal();
    // Back behind the placeholder: new data while the page was hidden is laid out and painted
    // card by card when it shows again, not all in one turn.
    void conceal();
    bool needsReveal() const { return chart_ && !revealed_; }

    ChartTableModel* model() const { return model_; }
    bool numbersShown() const;
    void showNumbers(bool shown);

    // Both return false and say why in `error` when the file cannot be written.
    bool exportCsv(const QString& path, QString* error) const;
    bool exportPng(const QString& path, QString* error) const;

protected:
    // The chart asks for another height when it redraws itself for a new width.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void exportWithDialog(bool png);
    void fitChartHeight();

    QString key_;
    QLabel* headline_;
    QLabel* caption_;
    QLabel* details_;
    QToolButton* details_button_;
    QStackedWidget* stack_;
    QTableView* table_;
    QToolButton* numbers_;
    QToolButton* export_;
    ChartTableModel* model_;
    ChartData::Kind kind_;
    bool has_chart_;                    // false for tables only
    std::unique_ptr<ChartView> chart_;  // made with the first data
    QWidget* placeholder_ = nullptr;    // where the chart goes until revealed
    bool revealed_ = false;
    bool has_data_ = false;
    bool pending_ = false;
};

}  // namespace encore::dashboards
