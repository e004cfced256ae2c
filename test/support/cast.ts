// The people most security tests need: a practitioner and their line manager, another manager and
// their report (in another team and profession), and an L&D admin.
import type { HrRecord } from '../../core/people';
import { hrRecord } from './stack';
import { testUser, type TestUser } from './teams';

export interface Cast {
  priya: TestUser;
  dana: TestUser;
  lee: TestUser;
  kelly: TestUser;
  morgan: TestUser;
  records: HrRecord[];
}

export function castOfFive(): Cast {
  const priya = testUser('Priya Shah', 'priya.shah@example.org');
  const dana = testUser('Dana Hughes', 'dana.hughes@example.org');
  const lee = testUser('Lee Carter', 'lee.carter@example.org');
  const kelly = testUser('Kelly Nash', 'kelly.nash@example.org');
  const morgan = testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const earlyHelp = { team: 'Early Help', profession: 'early_help_worker', registrationBody: 'none' } as const;
  return {
    priya, dana, lee, kelly, morgan,
    records: [
      hrRecord(dana, { jobTitle: 'Team Manager', roles: ['practitioner', 'manager'] }),
      hrRecord(priya, { managerId: dana.aadObjectId }),
      hrRecord(lee, { jobTitle: 'Team Manager', ...earlyHelp, roles: ['practitioner', 'manager'] }),
      hrRecord(kelly, { ...earlyHelp, managerId: lee.aadObjectId }),
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', registrationBody: 'none', roles: ['practitioner', 'ld_admin'] }),
    ],
  };
}
