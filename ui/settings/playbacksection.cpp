#include "settings/playbacksection.h"

#include "playback/player.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSignalBlocker>

namespace encore {

namespace {

constexpr double kDefaultCrossfadeSeconds = 3.0;

QLabel* note(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

}  // namespace

PlaybackSection::PlaybackSection(Player& player, QWidget* parent)
    : QGroupBox(tr("Playback"), parent)
    , player_(player)
    , output_(new QLabel(player.outputDescription(), this))
    , device_(new QComboBox(this))
    , crossfade_(new QCheckBox(tr("Crossfade between songs"), this))
    , crossfade_seconds_(new QDoubleSpinBox(this))
    , crossfade_on_skip_(new QCheckBox(tr("Also when I skip to another song"), this))
    , replaygain_(new QComboBox(this))
    , preamp_(new QDoubleSpinBox(this))
    , clipping_(new QCheckBox(tr("Prevent clipping"), this)) {
    const PlaybackSettings stored = PlaybackSettings::load(QSettings());
    saved_device_ = stored.output_device;

    auto* layout = new QFormLayout(this);
    output_->setWordWrap(true);
    layout->addRow(tr("Sound output:"), output_);
    layout->addRow(tr("Device:"), device_);

    crossfade_seconds_->setRange(0.5, PlaybackSettings::kMaxCrossfadeMs / 1000.0);
    crossfade_seconds_->setSingleStep(0.5);
    crossfade_seconds_->setDecimals(1);
    crossfade_seconds_->setSuffix(tr(" s"));
    crossfade_->setChecked(stored.crossfade_ms > 0);
    crossfade_seconds_->setValue(stored.crossfade_ms > 0 ? stored.crossfade_ms / 1000.0
                                                         : kDefaultCrossfadeSeconds);
    crossfade_on_skip_->setChecked(stored.crossfade_on_skip);
    auto* fadeRow = new QHBoxLayout;
    fadeRow->addWidget(crossfade_);
    fadeRow->addWidget(crossfade_seconds_);
    fadeRow->addStretch();
    layout->addRow(tr("Crossfade:"), fadeRow);
    layout->addRow(QString(), crossfade_on_skip_);
    layout->addRow(QString(), note(tr("Songs of the same album always follow each other "
                                      "without a gap and without a fade."),
                                   this));

    replaygain_->addItem(tr("Off"), int(ReplayGainMode::Off));
    replaygain_->addItem(tr("Each song on its own (track)"), int(ReplayGainMode::Track));
    replaygain_->addItem(tr("Albums as a whole (album)"), int(ReplayGainMode::Album));
    replaygain_->addItem(tr("Album while an album plays in order, else track"),
                         int(ReplayGainMode::Automatic));
    replaygain_->setCurrentIndex(replaygain_->findData(int(stored.replaygain)));
    layout->addRow(tr("Loudness levelling:"), replaygain_);
    preamp_->setRange(-PlaybackSettings::kMaxPreampDb, PlaybackSettings::kMaxPreampDb);
    preamp_->setSingleStep(0.5);
    preamp_->setDecimals(1);
    preamp_->setSuffix(tr(" dB"));
    preamp_->setValue(stored.preamp_db);
    auto* preampRow = new QHBoxLayout;
    preampRow->addWidget(preamp_);
    preampRow->addStretch();
    layout->addRow(tr("Pre-amp:"), preampRow);
    clipping_->setChecked(stored.prevent_clipping);
    layout->addRow(QString(), clipping_);
    layout->addRow(QString(), note(tr("ReplayGain values from the tags, or measured by Encore, "
                                      "bring every song to the same loudness. Clipping "
                                      "prevention never lets a raised song go past full "
                                      "scale."),
                                   this));

    fillDevices();
    connect(&player_, &Player::outputChanged, this, [this] {
        output_->setText(player_.outputDescription());
        fillDevices();
    });
    connect(&player_, &Player::outputDevicesChanged, this, &PlaybackSection::fillDevices);
    for (QCheckBox* box : {crossfade_, crossfade_on_skip_, clipping_})
        connect(box, &QCheckBox::toggled, this, &PlaybackSection::apply);
    for (QComboBox* box : {device_, replaygain_})
        connect(box, &QComboBox::currentIndexChanged, this, &PlaybackSection::apply);
    for (QDoubleSpinBox* box : {crossfade_seconds_, preamp_})
        connect(box, &QDoubleSpinBox::valueChanged, this, &PlaybackSection::apply);
    crossfade_seconds_->setEnabled(crossfade_->isChecked());
    crossfade_on_skip_->setEnabled(crossfade_->isChecked());
    player_.applySettings(settings());
}

void PlaybackSection::fillDevices() {
    const QSignalBlocker quiet(device_);
    device_->clear();
    device_->addItem(tr("System default"), QString());
    bool found = saved_device_.isEmpty();
    for (const OutputDevice& device : player_.outputDevices()) {
        device_->addItem(device.name, device.id);
        found = found || device.id == saved_device_;
    }
    if (!found)  // remembered, not connected now: kept, so it comes back when plugged in
        device_->addItem(tr("%1 (not connected)").arg(saved_device_), saved_device_);
    device_->setCurrentIndex(qMax(0, device_->findData(saved_device_)));
    device_->setEnabled(device_->count() > 1);
}

PlaybackSettings PlaybackSection::settings() const {
    PlaybackSettings s;
    s.output_device = device_->currentData().toString();
    s.crossfade_ms = crossfade_->isChecked() ? int(crossfade_seconds_->value() * 1000.0) : 0;
    s.crossfade_on_skip = crossfade_on_skip_->isChecked();
    s.replaygain = ReplayGainMode(replaygain_->currentData().toInt());
    s.preamp_db = preamp_->value();
    s.prevent_clipping = clipping_->isChecked();
    return s;
}

void PlaybackSection::apply() {
    crossfade_seconds_->setEnabled(crossfade_->isChecked());
    crossfade_on_skip_->setEnabled(crossfade_->isChecked());
    const PlaybackSettings s = settings();
    saved_device_ = s.output_device;
    QSettings stored;
    s.save(stored);
    player_.applySettings(s);
}

}  // namespace encore
