#pragma once

#include <QListView>
#include <QStyledItemDelegate>

namespace encore {

class AlbumGridModel;
class CoverCache;

// Paints one album tile: the cover (or, while it loads or when there is none, a tile in the
// album's own colour with its initial), the title and the artist under it.
class AlbumTileDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    AlbumTileDelegate(CoverCache* covers, int coverSide, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

private:
    CoverCache* covers_;
    int side_;  // logical pixels
};

// The album grid: uniform tiles laid out by QListView's list mode (wrapping, so the layout is
// arithmetic, not one rectangle per album), covers asked for only when a tile is painted.
class AlbumGrid : public QListView {
    Q_OBJECT

public:
    static constexpr int kCoverSide = 160;

    AlbumGrid(AlbumGridModel* model, CoverCache* covers, QWidget* parent = nullptr);

    AlbumGridModel* albums() const { return model_; }
    CoverCache* covers() const { return covers_; }

Q_SIGNALS:
    // Double-click or Enter on a tile.
    void albumActivated(int row);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    AlbumGridModel* model_;
    CoverCache* covers_;
};

}  // namespace encore
