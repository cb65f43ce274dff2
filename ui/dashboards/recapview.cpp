#include "dashboards/recapview.h"

#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace encore::dashboards {

namespace {

constexpr int kColumns = 4;
constexpr int kCoverPx = 96;
constexpr int kCardMinWidthPx = 220;
constexpr double kFigureScale = 2.0;  // the big figure, against the normal font
constexpr double kTitleScale = 1.6;

QLabel* label(QWidget* parent, const QString& name) {
    auto* l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QFont scaled(QFont font, double scale, bool bold) {
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(bold);
    return font;
}

}  // namespace

RecapView::RecapView(QWidget* parent)
    : QWidget(parent)
    , title_(new QLabel(this))
    , previous_(new QToolButton(this))
    , next_(new QToolButton(this))
    , save_(new QToolButton(this))
    , sheet_(new QWidget) {
    previous_->setArrowType(Qt::LeftArrow);
    previous_->setToolTip(tr("The period before"));
    previous_->setAccessibleName(tr("Previous"));
    next_->setArrowType(Qt::RightArrow);
    next_->setToolTip(tr("The period after"));
    next_->setAccessibleName(tr("Next"));
    save_->setText(tr("Save as image..."));
    save_->setToolTip(tr("Save these cards as a PNG picture to share"));
    connect(previous_, &QToolButton::clicked, this, &RecapView::previousRequested);
    connect(next_, &QToolButton::clicked, this, &RecapView::nextRequested);
    connect(save_, &QToolButton::clicked, this, &RecapView::saveWithDialog);

    auto* bar = new QHBoxLayout;
    bar->addWidget(previous_);
    bar->addWidget(next_);
    bar->addStretch(1);
    bar->addWidget(save_);

    sheet_->setAutoFillBackground(true);
    title_->setParent(sheet_);
    title_->setFont(scaled(title_->font(), kTitleScale, true));
    auto* sheetLayout = new QVBoxLayout(sheet_);
    sheetLayout->addWidget(title_);
    grid_ = new QGridLayout;
    for (int c = 0; c < kColumns; ++c)
        grid_->setColumnStretch(c, 1);
    sheetLayout->addLayout(grid_);
    sheetLayout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(sheet_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);
}

void RecapView::setRecap(const stats::Recap& recap) {
    recap_ = recap;
    rebuild();
}

void RecapView::setCoverSource(CoverSource source) {
    covers_ = std::move(source);
    coversChanged();
}

void RecapView::setNextEnabled(bool enabled) {
    next_->setEnabled(enabled);
}

void RecapView::coversChanged() {
    for (const auto& [cover, track] : cover_labels_) {
        const QImage image = covers_ && track > 0 ? covers_(track) : QImage();
        cover->setVisible(!image.isNull());
        if (!image.isNull())
            cover->setPixmap(QPixmap::fromImage(image.scaled(
                kCoverPx, kCoverPx, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation)));
    }
}

void RecapView::rebuild() {
    for (QWidget* w : card_widgets_)
        delete w;
    card_widgets_.clear();
    cover_labels_.clear();
    title_->setText(recap_.plays == 0 && !recap_.title.isEmpty()
                        ? tr("%1: no plays yet").arg(recap_.title)
                        : recap_.title);
    int i = 0;
    for (const stats::RecapCard& c : recap_.cards) {
        auto* card = new QFrame(sheet_);
        card->setObjectName(c.key);
        card->setFrameShape(QFrame::StyledPanel);
        card->setMinimumWidth(kCardMinWidthPx);
        card->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        auto* layout = new QVBoxLayout(card);
        QLabel* title = label(card, QStringLiteral("title"));
        title->setText(c.title);
        title->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(title);
        if (c.cover_track > 0) {
            auto* cover = new QLabel(card);
            cover->setObjectName(QStringLiteral("cover"));
            cover->setFixedSize(kCoverPx, kCoverPx);
            cover->setScaledContents(false);
            cover->hide();
            layout->addWidget(cover);
            cover_labels_.append({cover, c.cover_track});
        }
        QLabel* figure = label(card, QStringLiteral("figure"));
        figure->setFont(scaled(figure->font(), c.enough ? kFigureScale : 1.0, c.enough));
        figure->setText(c.figure);
        figure->setVisible(!c.figure.isEmpty());
        layout->addWidget(figure);
        QLabel* sentence = label(card, QStringLiteral("sentence"));
        sentence->setText(c.sentence);
        layout->addWidget(sentence);
        if (c.list.size() > 1) {
            QStringList lines;
            for (std::size_t r = 1; r < c.list.size(); ++r) {
                const stats::RecapEntry& e = c.list[r];
                const QString name =
                    e.artist.isEmpty() ? e.name : tr("%1 by %2").arg(e.name, e.artist);
                lines << tr("%1. %2 · %3").arg(r + 1).arg(name.toHtmlEscaped()).arg(e.plays);
            }
            QLabel* list = label(card, QStringLiteral("runners-up"));
            list->setTextFormat(Qt::RichText);
            list->setText(lines.join(QStringLiteral("<br>")));
            list->setForegroundRole(QPalette::PlaceholderText);
            layout->addWidget(list);
        }
        layout->addStretch(1);
        grid_->addWidget(card, i / kColumns, i % kColumns);
        card_widgets_.append(card);
        ++i;
    }
    coversChanged();
    save_->setEnabled(!recap_.cards.empty());
}

QString RecapView::figureOf(const QString& key) const {
    for (const stats::RecapCard& c : recap_.cards)
        if (c.key == key)
            return c.figure;
    return {};
}

QString RecapView::sentenceOf(const QString& key) const {
    for (const stats::RecapCard& c : recap_.cards)
        if (c.key == key)
            return c.sentence;
    return {};
}

QImage RecapView::image() const {
    return sheet_->grab().toImage();
}

bool RecapView::exportPng(const QString& path, QString* error) const {
    const QImage picture = image();
    if (picture.isNull() || !picture.save(path, "PNG")) {
        *error = tr("Could not write %1. Choose a folder you can write to.")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

void RecapView::saveWithDialog() {
    QString name = recap_.title;
    name.replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save as image"), QDir::home().filePath(name.toLower() + QStringLiteral(".png")),
        tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPng(path, &error))
        QMessageBox::warning(this, tr("Save failed"), error);
}

}  // namespace encore::dashboards
