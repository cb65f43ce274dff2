#include "settings/loudnesssection.h"

#include "engine.h"

#include <QCheckBox>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace encore {

namespace {

const QString kInBackgroundKey = QStringLiteral("loudness/in_background");

}  // namespace

bool LoudnessSection::inBackground() {
    return QSettings().value(kInBackgroundKey, true).toBool();
}

void LoudnessSection::storeInBackground(bool on) {
    QSettings().setValue(kInBackgroundKey, on);
}

LoudnessSection::LoudnessSection(Engine& engine, QWidget* parent)
    : QGroupBox(tr("Loudness analysis"), parent)
    , engine_(engine)
    , background_(
          new QCheckBox(tr("Measure songs without ReplayGain tags in the background"), this)) {
    background_->setChecked(inBackground());
    auto* note = new QLabel(tr("So that loudness levelling works for every song. Encore listens "
                               "to them when the computer is otherwise idle and keeps the "
                               "results in its own database; your files are never changed."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(background_);
    layout->addWidget(note);
    // clicked, not toggled: only the listener's own click starts or stops work.
    connect(background_, &QCheckBox::clicked, this, [this](bool on) {
        storeInBackground(on);
        engine_.setMeasureLoudnessInBackground(on);
        if (on && !engine_.isMeasuringLoudness())
            engine_.measureLoudness();
        else if (!on)
            engine_.cancelLoudness();
    });
}

}  // namespace encore
