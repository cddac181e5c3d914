import { useEffect } from 'preact/hooks';
import {
  checkDeviceSpeed,
  checkingSpeed,
  type DeviceSpeed,
  deviceSpeed,
  type LightModeChoice,
  lightModeChoice,
  lightModeFor,
  setLightModeChoice,
  speedWords,
} from '../../state/shared/light-mode';
import './light-mode.css';

const CHOICES: { id: LightModeChoice; label: string }[] = [
  { id: 'auto', label: 'Automatic (recommended)' },
  { id: 'on', label: 'On' },
  { id: 'off', label: 'Off' },
];

/** What Light mode is doing now, in one or two plain sentences. */
export function lightModeStatus(
  choice: LightModeChoice,
  speed: DeviceSpeed | null,
  checking: boolean,
): string {
  const on = lightModeFor(choice, speed);
  const measured = speed ? ` The last check found that ${speedWords(speed)}.` : '';
  if (choice === 'on') return `Light mode is on (you chose it).${measured}`;
  if (choice === 'off')
    return `Light mode is off (you chose it): everything plays live.${measured}${
      speed && lightModeFor('auto', speed) ? ' If the sound stutters or clicks, turn it on.' : ''
    }`;
  if (checking && !speed) return 'Checking how fast this device mixes…';
  if (!speed) return 'Light mode is off until this device has been checked.';
  return on
    ? `Light mode is on: ${speedWords(speed)}, which is close to its limit, so drills play ready-made versions.`
    : `Light mode is off: ${speedWords(speed)}, which leaves plenty to spare, so everything plays live.`;
}

/** Settings → Light mode: for slow devices, drills play ready-made versions instead of mixing live. */
export function LightModePanel() {
  const choice = lightModeChoice.value;
  const speed = deviceSpeed.value;
  const checking = checkingSpeed.value;
  useEffect(() => {
    // Automatic needs a measurement: take one the first time Settings is opened on this device.
    if (lightModeChoice.peek() === 'auto' && deviceSpeed.peek() === null) void checkDeviceSpeed();
  }, []);
  return (
    <section class="panel" aria-labelledby="light-h">
      <h2 id="light-h">Light mode</h2>
      <p>
        For slower computers, such as many school Chromebooks. In Light mode a drill mixes the two versions of
        each question before you can press Play, then simply plays them, so the sound never stutters.
        Questions take a moment longer to get ready. The Mix page always mixes live; in Light mode its meters
        move a little less smoothly.
      </p>
      <div class="row light-choices" role="radiogroup" aria-labelledby="light-h">
        {CHOICES.map((c) => (
          <label key={c.id} class="choice">
            <input
              type="radio"
              name="light-mode"
              value={c.id}
              checked={choice === c.id}
              onChange={() => setLightModeChoice(c.id)}
            />
            {c.label}
          </label>
        ))}
      </div>
      <p class="muted" role="status">
        {lightModeStatus(choice, speed, checking)}
      </p>
      <button type="button" class="btn" disabled={checking} onClick={() => void checkDeviceSpeed()}>
        {checking ? 'Checking…' : 'Check this device again'}
      </button>
    </section>
  );
}
