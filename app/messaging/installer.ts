// Where proactive installation would go. Someone who has never opened Weave has no conversation to
// send to; with Microsoft Graph (TeamsAppInstallation.ReadWriteForUser.All, admin-consented) an
// implementation could install the app for them, after which Teams sends the install event, Weave
// records the conversation, and a retried delivery reaches them. Out of the box nothing is
// installed, so no tenant-wide consent is needed: such people are reported as "not installed".
export interface AppInstaller {
  /** True if Weave was installed for this person (their conversation follows shortly). */
  install(tenantId: string, personId: string): Promise<boolean>;
}

export const noInstaller: AppInstaller = { install: () => Promise.resolve(false) };
