#include "settings/profilessection.h"

#include "engine.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace encore {

namespace {

constexpr int kNameRole = Qt::UserRole + 1;

QString listenCount(qint64 n) {
    return n == 1 ? ProfilesSection::tr("1 listen")
                  : ProfilesSection::tr("%1 listens").arg(Formatting::count(n));
}

}  // namespace

ProfilesSection::ProfilesSection(Engine& engine, QWidget* parent)
    : QGroupBox(tr("Profiles"), parent)
    , engine_(engine)
    , list_(new QListWidget(this))
    , use_(new QPushButton(tr("Use this profile"), this))
    , add_(new QPushButton(tr("Add…"), this))
    , remove_(new QPushButton(tr("Remove…"), this)) {
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setMinimumHeight(90);
    list_->setMaximumHeight(150);
    add_->setIcon(Icons::get(QStringLiteral("list-add")));
    remove_->setIcon(Icons::get(QStringLiteral("list-remove")));
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(use_);
    buttons->addWidget(add_);
    buttons->addWidget(remove_);
    buttons->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(list_, 1);
    row->addLayout(buttons);
    auto* note = new QLabel(tr("Everyone who listens here can have a profile: what they play, "
                               "their history, statistics and recommendations stay their own. "
                               "What plays is logged for the active profile."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(note);

    connect(list_, &QListWidget::itemSelectionChanged, this, &ProfilesSection::updateButtons);
    connect(list_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        engine_.setActiveProfile(item->data(kNameRole).toString());
    });
    connect(use_, &QPushButton::clicked, this, [this] {
        if (!selectedName().isEmpty())
            engine_.setActiveProfile(selectedName());
    });
    connect(add_, &QPushButton::clicked, this, &ProfilesSection::requestAdd);
    connect(remove_, &QPushButton::clicked, this, [this] {
        if (!selectedName().isEmpty())
            requestRemove(selectedName());
    });
    connect(&engine_, &Engine::profilesChanged, this, &ProfilesSection::fill);
    // Listens logged one by one: the counts follow here (the engine re-reads them in bulk).
    connect(&engine_, &Engine::playLogged, this, [this](const Play& play) {
        for (Profile& p : profiles_) {
            if (p.id == play.profile_id)
                ++p.listens;
        }
        fill(profiles_);
    });
    fill(engine_.profiles());
}

QString ProfilesSection::selectedName() const {
    const QList<QListWidgetItem*> items = list_->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(kNameRole).toString();
}

void ProfilesSection::select(const QString& name) {
    for (int i = 0; i < list_->count(); ++i) {
        if (list_->item(i)->data(kNameRole).toString().compare(name, Qt::CaseInsensitive) == 0)
            list_->setCurrentRow(i);
    }
}

void ProfilesSection::fill(const QList<Profile>& profiles) {
    profiles_ = profiles;
    const QString selected = selectedName();
    list_->clear();
    active_name_.clear();
    for (const Profile& p : profiles) {
        if (p.active)
            active_name_ = p.name;
        auto* item = new QListWidgetItem(
            p.active ? tr("%1 (active) — %2").arg(p.name, listenCount(p.listens))
                     : tr("%1 — %2").arg(p.name, listenCount(p.listens)),
            list_);
        item->setData(kNameRole, p.name);
        if (p.active) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
    select(selected.isEmpty() ? active_name_ : selected);
    updateButtons();
}

void ProfilesSection::updateButtons() {
    const QString name = selectedName();
    const bool active = name.compare(active_name_, Qt::CaseInsensitive) == 0;
    use_->setEnabled(!name.isEmpty() && !active);
    remove_->setEnabled(!name.isEmpty() && !active);
    remove_->setToolTip(active ? tr("The active profile cannot be removed: make another one "
                                    "active first")
                               : tr("Remove this profile and all its listens"));
}

void ProfilesSection::requestAdd() {
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add a profile"));
    dialog->setLabelText(tr("Name of the new profile:"));
    dialog->setTextValue(QString());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& text) {
        const QString name = text.trimmed();
        const QString problem = ProfileStore::invalidNameReason(name);
        if (!problem.isEmpty()) {
            auto* box = new QMessageBox(QMessageBox::Information, tr("Add a profile"),
                                        tr("“%1” cannot be used: %2.").arg(text, problem),
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        engine_.addProfile(name);
    });
    dialog->open();
}

QMessageBox* ProfilesSection::requestRemove(const QString& name) {
    qint64 listens = 0;
    for (const Profile& p : profiles_) {
        if (p.name == name)
            listens = p.listens;
    }
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Remove profile"),
        tr("Remove the profile “%1” and its %2? Its statistics and recommendations go with it. "
           "This cannot be undone.")
            .arg(name, listenCount(listens)),
        QMessageBox::Cancel, this);
    QPushButton* remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, name](QAbstractButton* b) {
        if (b == remove)
            engine_.removeProfile(name);
    });
    box->open();
    return box;
}

}  // namespace encore
