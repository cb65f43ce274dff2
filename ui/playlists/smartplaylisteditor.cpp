#include "smartplaylisteditor.h"

#include "playlists/playlistservice.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace encore {

namespace {

constexpr int kPreviewDelayMs = 250;
constexpr int kMaxLimit = 100000;
const char kKindProperty[] = "encoreKind";

QString words(const char* text) {
    return QCoreApplication::translate("SmartRules", text);
}

// One condition: which kind, its value, and for "in the last N days" kinds the days.
class ConditionRow : public QWidget {
public:
    ConditionRow(const SmartCondition& condition, QWidget* parent) : QWidget(parent) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        kind_ = new QComboBox(this);
        for (const SmartConditionKind& kind : smartConditionKinds())
            kind_->addItem(describeKind(kind), QString::fromLatin1(kind.id));
        number_ = new QDoubleSpinBox(this);
        number_->setDecimals(0);
        text_ = new QLineEdit(this);
        text_->setPlaceholderText(tr("text"));
        unit_ = new QLabel(this);
        days_ = new QSpinBox(this);
        days_->setRange(1, 36500);
        days_->setPrefix(tr("in the last "));
        days_->setSuffix(tr(" days"));
        remove_ = new QToolButton(this);
        remove_->setIcon(Icons::get(QStringLiteral("list-remove")));
        remove_->setToolTip(tr("Remove this condition"));
        remove_->setAutoRaise(true);
        layout->addWidget(kind_, 2);
        layout->addWidget(number_);
        layout->addWidget(text_, 1);
        layout->addWidget(unit_);
        layout->addWidget(days_);
        layout->addWidget(remove_);
        const int at = kind_->findData(condition.field);
        kind_->setCurrentIndex(at < 0 ? 0 : at);
        showKind(true);
        if (condition.value.isValid()) {
            number_->setValue(condition.value.toDouble());
            text_->setText(condition.value.toString());
        }
        if (condition.days > 0)
            days_->setValue(condition.days);
        connect(kind_, &QComboBox::currentIndexChanged, this, [this] { showKind(true); });
    }

    QComboBox* kind() const { return kind_; }
    QDoubleSpinBox* number() const { return number_; }
    QLineEdit* text() const { return text_; }
    QSpinBox* days() const { return days_; }
    QToolButton* removeButton() const { return remove_; }

    SmartCondition condition() const {
        const SmartConditionKind* kind = smartConditionKind(kind_->currentData().toString());
        SmartCondition c{kind_->currentData().toString(), {}, 0};
        if (!kind)
            return c;
        if (kind->kind == SmartValueKind::Text)
            c.value = text_->text().trimmed();
        else if (kind->kind != SmartValueKind::None)
            c.value = number_->value();
        if (kind->kind == SmartValueKind::NumberInDays)
            c.days = days_->value();
        return c;
    }

    bool isComplete() const {
        const SmartConditionKind* kind = smartConditionKind(kind_->currentData().toString());
        return kind && (kind->kind != SmartValueKind::Text || !text_->text().trimmed().isEmpty());
    }

private:
    static QString describeKind(const SmartConditionKind& kind) {
        QString text = words(kind.label);
        if (kind.kind == SmartValueKind::NumberInDays)
            text += tr(" … in the last … days");
        else if (kind.kind != SmartValueKind::None)
            text += QStringLiteral(" …");
        return text;
    }

    void showKind(bool resetValue) {
        const SmartConditionKind* kind = smartConditionKind(kind_->currentData().toString());
        const SmartValueKind what = kind ? kind->kind : SmartValueKind::None;
        const bool numeric = what == SmartValueKind::Number || what == SmartValueKind::NumberInDays;
        number_->setVisible(numeric);
        text_->setVisible(what == SmartValueKind::Text);
        days_->setVisible(what == SmartValueKind::NumberInDays);
        unit_->setText(kind && *kind->unit ? words(kind->unit) : QString());
        unit_->setVisible(!unit_->text().isEmpty());
        if (kind && numeric) {
            number_->setRange(kind->minimum, kind->maximum);
            if (resetValue)
                number_->setValue(kind->initial);
        }
        if (resetValue && what == SmartValueKind::NumberInDays)
            days_->setValue(30);
    }

    QComboBox* kind_;
    QDoubleSpinBox* number_;
    QLineEdit* text_;
    QLabel* unit_;
    QSpinBox* days_;
    QToolButton* remove_;
};

}  // namespace

SmartPlaylistEditor::SmartPlaylistEditor(PlaylistService& service, const QString& name,
                                         const SmartRules& rules, QWidget* parent)
    : QDialog(parent)
    , service_(service)
    , name_(new QLineEdit(name, this))
    , match_(new QComboBox(this))
    , conditions_(new QVBoxLayout)
    , sort_(new QComboBox(this))
    , sort_days_(new QSpinBox(this))
    , limit_(new QSpinBox(this))
    , preview_(new QLabel(this))
    , preview_timer_(new QTimer(this))
    , seed_(rules.seed > 1 ? rules.seed : QRandomGenerator::global()->generate()) {
    setWindowTitle(name.isEmpty() ? tr("New smart playlist") : tr("Edit %1").arg(name));
    setObjectName(QStringLiteral("smartPlaylistEditor"));
    name_->setObjectName(QStringLiteral("smartName"));
    match_->addItem(tr("all of these conditions"), true);
    match_->addItem(tr("any of these conditions"), false);
    match_->setCurrentIndex(rules.match_all ? 0 : 1);
    for (const SmartSortKind& sort : smartSortKinds())
        sort_->addItem(words(sort.label), QString::fromLatin1(sort.id));
    sort_->setCurrentIndex(std::max(0, sort_->findData(rules.sort)));
    sort_days_->setRange(1, 36500);
    sort_days_->setValue(rules.sort_days);
    sort_days_->setPrefix(tr("in the last "));
    sort_days_->setSuffix(tr(" days"));
    limit_->setRange(0, kMaxLimit);
    limit_->setValue(rules.limit);
    limit_->setSpecialValueText(tr("no limit"));
    limit_->setSuffix(tr(" songs"));
    preview_->setObjectName(QStringLiteral("smartPreview"));
    preview_->setWordWrap(true);

    auto* add =
        new QPushButton(Icons::get(QStringLiteral("list-add")), tr("Add a condition"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        addCondition({QString::fromLatin1(smartConditionKinds().front().id), {}, 0});
    });
    auto* matchRow = new QHBoxLayout;
    matchRow->addWidget(new QLabel(tr("Songs that match"), this));
    matchRow->addWidget(match_);
    matchRow->addStretch(1);
    auto* sortRow = new QHBoxLayout;
    sortRow->addWidget(sort_, 1);
    sortRow->addWidget(sort_days_);
    auto* form = new QFormLayout;
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Order"), sortRow);
    form->addRow(tr("At most"), limit_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(matchRow);
    layout->addLayout(conditions_);
    layout->addWidget(add, 0, Qt::AlignLeft);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(preview_);
    layout->addWidget(buttons);
    resize(720, sizeHint().height());

    for (const SmartCondition& condition : rules.conditions)
        addCondition(condition);
    preview_timer_->setSingleShot(true);
    preview_timer_->setInterval(kPreviewDelayMs);
    connect(preview_timer_, &QTimer::timeout, this, &SmartPlaylistEditor::runPreview);
    connect(match_, &QComboBox::currentIndexChanged, this, &SmartPlaylistEditor::schedulePreview);
    connect(sort_, &QComboBox::currentIndexChanged, this, &SmartPlaylistEditor::updateSortDays);
    connect(sort_days_, &QSpinBox::valueChanged, this, &SmartPlaylistEditor::schedulePreview);
    connect(limit_, &QSpinBox::valueChanged, this, &SmartPlaylistEditor::schedulePreview);
    auto* save = buttons->button(QDialogButtonBox::Save);
    connect(name_, &QLineEdit::textChanged, save,
            [save](const QString& text) { save->setEnabled(!text.trimmed().isEmpty()); });
    save->setEnabled(!name.trimmed().isEmpty());
    updateSortDays();
}

QString SmartPlaylistEditor::name() const {
    return name_->text().trimmed();
}

SmartRules SmartPlaylistEditor::rules() const {
    SmartRules rules;
    rules.match_all = match_->currentData().toBool();
    for (QWidget* row : rows_) {
        auto* condition = static_cast<ConditionRow*>(row);
        if (condition->isComplete())
            rules.conditions.append(condition->condition());
    }
    rules.sort = sort_->currentData().toString();
    rules.sort_days = sort_days_->value();
    rules.limit = limit_->value();
    rules.seed = seed_;
    return rules;
}

int SmartPlaylistEditor::conditionCount() const {
    return int(rows_.size());
}

void SmartPlaylistEditor::addCondition(const SmartCondition& condition) {
    auto* row = new ConditionRow(condition, this);
    rows_.append(row);
    conditions_->addWidget(row);
    connect(row->removeButton(), &QToolButton::clicked, this,
            [this, row] { removeCondition(row); });
    connect(row->kind(), &QComboBox::currentIndexChanged, this,
            &SmartPlaylistEditor::schedulePreview);
    connect(row->number(), &QDoubleSpinBox::valueChanged, this,
            &SmartPlaylistEditor::schedulePreview);
    connect(row->text(), &QLineEdit::textChanged, this, &SmartPlaylistEditor::schedulePreview);
    connect(row->days(), &QSpinBox::valueChanged, this, &SmartPlaylistEditor::schedulePreview);
    schedulePreview();
}

void SmartPlaylistEditor::removeCondition(QWidget* row) {
    rows_.removeOne(row);
    row->deleteLater();
    schedulePreview();
}

void SmartPlaylistEditor::updateSortDays() {
    sort_days_->setVisible(sort_->currentData().toString() == QLatin1String("recent_plays"));
    schedulePreview();
}

void SmartPlaylistEditor::schedulePreview() {
    preview_->setText(tr("Counting…"));
    preview_timer_->start();
}

// The count comes from the same query the playlist will run, off the GUI thread; an answer
// for rules edited since is dropped.
void SmartPlaylistEditor::runPreview() {
    const int generation = ++preview_generation_;
    auto* watcher = new QFutureWatcher<Result<QList<TrackId>>>(this);
    connect(watcher, &QFutureWatcher<Result<QList<TrackId>>>::finished, this,
            [this, watcher, generation] {
                watcher->deleteLater();
                if (generation != preview_generation_)
                    return;
                const Result<QList<TrackId>> ids = watcher->result();
                if (!ids)
                    preview_->setText(ids.error());
                else if (ids->isEmpty())
                    preview_->setText(tr("No song matches these rules yet."));
                else
                    preview_->setText(
                        (ids->size() == 1
                             ? tr("1 song matches now.")
                             : tr("%1 songs match now.").arg(Formatting::count(ids->size()))) +
                        QLatin1Char(' ') + describeSmartRules(rules()));
            });
    watcher->setFuture(service_.evaluate(rules()));
}

}  // namespace encore
