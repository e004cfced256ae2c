// Every chat command, in the order help lists them.
import type { CommandDef } from './command';
import { exportCpdCommand, logCpdCommand, myCpdCommand } from './cpd';
import { helpCommand } from './help';
import { newOfferCommand, offersCommand } from './offers';
import { findMentorCommand, myMentoringCommand, offerMentoringCommand, runMatchingCommand } from './mentoring';
import { addNeedCommand, myPlanCommand, viewPlanCommand } from './plan';
import { digestHereCommand, newTriggerCommand, orgPlanCommand, teamPlanCommand, teamPrioritiesCommand, triggersCommand, yearPlanCommand } from './plans';
import { myPathwayCommand, profileCommand, qualificationsCommand } from './profile';
import { pulseCommand } from './pulse';
import { supervisionCommand } from './supervision';
import { teamStatusCommand } from './teamStatus';

export const COMMANDS: readonly CommandDef[] = [
  helpCommand(() => COMMANDS), profileCommand,
  myPlanCommand, addNeedCommand, logCpdCommand, myCpdCommand, exportCpdCommand,
  findMentorCommand, offerMentoringCommand, myMentoringCommand, myPathwayCommand, qualificationsCommand, pulseCommand,
  supervisionCommand, teamStatusCommand, viewPlanCommand, teamPlanCommand, teamPrioritiesCommand, digestHereCommand,
  orgPlanCommand, yearPlanCommand, newTriggerCommand, triggersCommand, newOfferCommand, offersCommand, runMatchingCommand,
];
