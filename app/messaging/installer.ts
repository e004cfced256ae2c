// Installing Weave for someone who has never opened it, so a prompt, broadcast or reminder can reach
// them (graph/installer.ts does it through Microsoft Graph when WEAVE_PROACTIVE_INSTALL=graph). Once
// installed, Teams sends the installation event, Weave records the conversation, and the deliveries
// waiting for it are queued again (app/messaging/installWait.ts). Out of the box nothing is
// installed, so no tenant-wide consent is needed: such people are reported as "not installed".

export type InstallOutcome =
  /** Installed (now, or already): Teams will send the installation event. */
  | { kind: 'requested' }
  /** An app permission policy keeps Weave from this person (Graph answered 403): final, never retried. */
  | { kind: 'blocked' }
  /** The person has no Teams to install into (not licensed, or not found): final. */
  | { kind: 'not_licensed' }
  /** Graph asked Weave to wait (429), or was unwell: try again after this long (null: back off). */
  | { kind: 'throttled'; retryAfterSeconds: number | null };

export interface AppInstaller {
  /** False when proactive installation is off: such people are "not installed", and Graph is never asked. */
  readonly enabled: boolean;
  install(tenantId: string, personId: string): Promise<InstallOutcome>;
}

export const noInstaller: AppInstaller = { enabled: false, install: () => Promise.reject(new Error('proactive installation is off')) };
