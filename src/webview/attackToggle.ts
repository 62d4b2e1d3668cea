/**
 * The toolbar's "Simulate attack" toggle: shown when the diagram states an attack; pressing it
 * asks the host to send the attack sources' traffic along the routing. Runs in the webview.
 */
import type { AttackAnnotation, WebviewToHost } from '../protocol/messages';

export class AttackToggle {
  private readonly button: HTMLButtonElement;
  private on = false;

  constructor(toolbar: HTMLElement, post: (message: WebviewToHost) => void, uri: () => string | undefined) {
    this.button = document.createElement('button');
    this.button.id = 'ac-attack-toggle';
    this.button.hidden = true;
    this.button.addEventListener('click', () => {
      const current = uri();
      if (current !== undefined) post({ type: 'simulateAttack', uri: current, on: !this.on });
    });
    toolbar.append(this.button);
  }

  /** Follows the routing on screen: hidden without an attack, pressed while it is simulated. */
  show(attack: AttackAnnotation | undefined): void {
    this.on = attack?.on ?? false;
    this.button.hidden = attack === undefined;
    this.button.textContent = this.on ? 'Stop attack' : 'Simulate attack';
    this.button.title = this.on
      ? 'Back to the legitimate traffic only'
      : "Send the diagram's attack sources along the same routing and add it to each PoP's load";
    this.button.setAttribute('aria-pressed', String(this.on));
  }
}
