#include "browse/columnfitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QScopedValueRollback>
#include <QStyle>
#include <QTableView>

#include <algorithm>
#include <numeric>

namespace encore {

namespace {

constexpr int kSampleRows = 300;  // evenly spread: enough to tell long titles from short ones

}  // namespace

ColumnFitter::ColumnFitter(QTableView* view) : QObject(view), view_(view) {
    const int columns = view->model()->columnCount();
    shares_.fill(0.0, columns);
    weights_.fill(0.0, columns);
    samples_.resize(columns);
    content_.fill(0, columns);
    view->viewport()->installEventFilter(this);
    connect(view->horizontalHeader(), &QHeaderView::sectionResized, this, [this] {
        if (!fitting_)
            user_sized_ = true;  // a drag (or a double-click on a handle)
    });
    measure();
}

void ColumnFitter::setShare(int column, double share) {
    shares_[column] = share;
}

void ColumnFitter::setSampleTexts(int column, const QStringList& texts) {
    samples_[column] = texts;
}

int ColumnFitter::padding() const {
    // the delegate's margins, and a character for the bold now-playing row
    return 2 * (view_->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1) +
           view_->fontMetrics().averageCharWidth();
}

int ColumnFitter::sampleWidth(int column) const {
    int widest = 0;
    for (const QString& text : samples_[column])
        widest = std::max(widest, view_->fontMetrics().horizontalAdvance(text));
    return widest + padding();
}

void ColumnFitter::measure() {
    const QAbstractItemModel* model = view_->model();
    const QFontMetrics metrics = view_->fontMetrics();
    const int rows = model->rowCount();
    const int step = std::max(1, rows / kSampleRows);
    for (int column = 0; column < shares_.size(); ++column) {
        qint64 total = 0;
        int widest = 0;
        int counted = 0;
        for (int row = 0; row < rows; row += step) {
            const int width =
                metrics.horizontalAdvance(model->index(row, column).data().toString());
            total += width;
            widest = std::max(widest, width);
            ++counted;
        }
        const int header = view_->horizontalHeader()->sectionSizeHint(column);
        // A column of short texts gets less of the spare width than its share says.
        const double mean = counted ? double(total) / counted : 0.0;
        weights_[column] = shares_[column] * std::max(double(header), mean);
        content_[column] = std::max({header, widest + padding(), sampleWidth(column)});
    }
    fit();
}

void ColumnFitter::fit() {
    if (user_sized_)
        return;
    const int available = view_->viewport()->width();
    if (available <= 0)
        return;
    QHeaderView* header = view_->horizontalHeader();
    QList<int> widths(shares_.size(), 0);
    QList<int> sharing;
    int spare = available;
    for (int column = 0; column < shares_.size(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        if (shares_[column] > 0) {
            sharing.append(column);
        } else {
            widths[column] = content_[column];
            spare -= widths[column];
        }
    }
    // Split the spare width by weight; a column that would get less than its header needs
    // gets that, and the others split the rest again.
    bool settled = false;
    while (!settled && !sharing.isEmpty()) {
        settled = true;
        const double weight = std::accumulate(
            sharing.cbegin(), sharing.cend(), 0.0,
            [this](double sum, int column) { return sum + std::max(weights_[column], 1.0); });
        for (const int column : std::as_const(sharing)) {
            const int minimum = header->sectionSizeHint(column);
            if (spare * std::max(weights_[column], 1.0) / weight < minimum) {
                widths[column] = minimum;
                spare -= minimum;
                sharing.removeOne(column);
                settled = false;
                break;
            }
        }
        if (!settled)
            continue;
        int given = 0;
        for (const int column : std::as_const(sharing)) {
            widths[column] = int(spare * std::max(weights_[column], 1.0) / weight);
            given += widths[column];
        }
        widths[sharing.first()] += spare - given;  // the rounding, to the first (Title)
    }
    QScopedValueRollback<bool> fitting(fitting_, true);
    for (int column = 0; column < shares_.size(); ++column) {
        if (!header->isSectionHidden(column) && header->sectionSize(column) != widths[column])
            header->resizeSection(column, widths[column]);
    }
}

void ColumnFitter::setUserSized(bool userSized) {
    user_sized_ = userSized;
    fit();
}

bool ColumnFitter::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize && watched == view_->viewport())
        fit();
    return QObject::eventFilter(watched, event);
}

}  // namespace encore
