/**
 * The words of every form error in the workspace, in one place (a colleague's shared mapping of
 * zod issues to messages, core/shared/issue-messages.ts, can replace this at merge). Each message
 * says what to do, in the words of the page's labels.
 */

export interface FormError {
  /** The id of the input the message belongs to (the error summary links to it). */
  field: string;
  message: string;
}

export const formErrors = {
  emailMissing: (): FormError => ({ field: "email", message: "Enter your email address" }),
  emailInvalid: (): FormError => ({
    field: "email",
    message: "Enter an email address in the correct format, like name@example.com",
  }),
  takeawayTooLong: (n: number, max: number): FormError => ({
    field: "takeaways",
    message: `Takeaway ${n} must be ${max} characters or fewer`,
  }),
  tooManyTakeaways: (max: number): FormError => ({
    field: "takeaways",
    message: `Enter at most ${max} takeaways, one per line`,
  }),
  actionDueMissing: (row: number): FormError => ({
    field: `action-${row}-due`,
    message: `Enter a due date for action item ${row + 1}`,
  }),
  actionDueInvalid: (row: number): FormError => ({
    field: `action-${row}-due`,
    message: `The due date of action item ${row + 1} must be a real date, like 2026-12-24`,
  }),
  actionDuePast: (row: number): FormError => ({
    field: `action-${row}-due`,
    message: `The due date of action item ${row + 1} must be today or later`,
  }),
  actionTextMissing: (row: number): FormError => ({
    field: `action-${row}-text`,
    message: `Enter what action item ${row + 1} is, or clear its due date`,
  }),
  actionTextTooLong: (row: number, max: number): FormError => ({
    field: `action-${row}-text`,
    message: `Action item ${row + 1} must be ${max} characters or fewer`,
  }),
  tooManyActions: (max: number): FormError => ({
    field: "action-0-text",
    message: `Enter at most ${max} action items`,
  }),
  nextMissing: (): FormError => ({ field: "next-recurring", message: "Choose what happens next" }),
  cadenceMissing: (): FormError => ({ field: "cadence", message: "Choose how often you will meet" }),
  workTogetherMissing: (clientName: string): FormError => ({
    field: "work-yes",
    message: `Say whether you want to work with ${clientName}`,
  }),
  notesTooLong: (field: string, max: number): FormError => ({
    field,
    message: `Notes must be ${max.toLocaleString("en")} characters or fewer`,
  }),
  proposedToConfirm: (count: number): FormError => ({
    field: "action-0-due",
    message: `We turned ${count === 1 ? "a line" : `${count} lines`} starting with [] into action items: check ${count === 1 ? "it" : "them"} and give each a due date`,
  }),
  goalTextMissing: (row: number): FormError => ({
    field: `goal-${row}-text`,
    message: `Enter what goal ${row + 1} is, or clear its other fields`,
  }),
  goalMeasureMissing: (row: number): FormError => ({
    field: `goal-${row}-measure`,
    message: `Enter how you will measure goal ${row + 1}`,
  }),
  goalDateMissing: (row: number): FormError => ({
    field: `goal-${row}-date`,
    message: `Enter a target date for goal ${row + 1}`,
  }),
  goalDatePast: (row: number): FormError => ({
    field: `goal-${row}-date`,
    message: `The target date of goal ${row + 1} must be today or later`,
  }),
  goalTooLong: (row: number, what: "text" | "measure", max: number): FormError => ({
    field: `goal-${row}-${what}`,
    message: `${what === "text" ? "Goal" : "The measure of goal"} ${row + 1} must be ${max} characters or fewer`,
  }),
  talkingPointMissing: (field: string): FormError => ({ field, message: "Enter the talking point" }),
  talkingPointTooLong: (field: string, max: number): FormError => ({
    field,
    message: `A talking point must be ${max} characters or fewer`,
  }),
};
