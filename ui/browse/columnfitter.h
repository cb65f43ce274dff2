#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

class QTableView;

namespace encore {

// Sizes a table's columns to fill its viewport, so that none needs a horizontal scroll:
// columns with a share split what is left after the others got the width of their content.
// Refits on every resize until the listener drags a column; from then on the sizes are theirs.
class ColumnFitter : public QObject {
    Q_OBJECT

public:
    explicit ColumnFitter(QTableView* view);

    // A column's share of the spare width; 0 (the default): just wide enough for its content.
    void setShare(int column, double share);
    // Texts a column without share must fit besides its rows (e.g. "Yesterday 23:59").
    void setSampleTexts(int column, const QStringList& texts);

    // Measures the rows again (a new library): shares follow how long the texts are.
    void measure();
    void fit();

    bool isUserSized() const { return user_sized_; }
    // True: the sizes are the listener's and are left alone; false: fit again now.
    void setUserSized(bool userSized);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    int padding() const;
    int sampleWidth(int column) const;

    QTableView* view_;
    QList<double> shares_;
    QList<double> weights_;  // shares scaled by the measured length of the column's texts
    QList<QStringList> samples_;
    QList<int> content_;  // measured width of each column's widest needed text
    bool fitting_ = false;
    bool user_sized_ = false;
};

}  // namespace encore
