// Download the plan (Excel): the workbook is fetched with the signed-in person's token and saved from
// memory, so no link exists that anyone else could open.
import { announce, h, replace } from '../../dom';
import { showErrors } from '../../forms';
import { saveFile, type Session } from '../../session';

export function workbookButton(session: Session): HTMLElement {
  const outcome = h('div', {});
  const button = h('button', { type: 'button' }, 'Download the plan (Excel)');
  button.addEventListener('click', () => {
    const download = async () => {
      button.disabled = true;
      replace(outcome, h('span', { class: 'muted' }, 'Preparing the workbook…'));
      try {
        const name = await saveFile(session, 'org/workbook');
        replace(outcome, h('span', { class: 'muted' }, `Saved ${name}.`));
        announce(`The plan is downloaded as ${name}.`);
      } catch (err) {
        const alert = h('p', { role: 'alert', class: 'errors' });
        replace(outcome, alert);
        showErrors(alert, err);
      }
      button.disabled = false;
    };
    void download();
  });
  return h('div', { class: 'actions' }, button, outcome);
}
