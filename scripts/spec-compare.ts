/**
 * Differences between our spec's model and a vendor's, each matched with the `x-vendor-deviation`
 * note that explains it: a note on the very node explains it, a note further up (operation,
 * response, enclosing schema) only when it names the item (parameter, field or status).
 */
import { type Model, type Operation, operationKey, type Shape } from "./spec-model.js";

export interface Difference {
  operation: string;
  where: string;
  what: string;
  /** The note that explains it, when there is one. */
  explainedBy?: string;
}

interface Notes {
  own: string[];
  inherited: string[];
}

/** Whether `note` names `token` as a word of its own (`id` is not named by "valid"). */
const names = (note: string, token: string) =>
  new RegExp(`(^|[^\\w\\[{])${token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\w])`, "i").test(note);

/** The node's own note, else the nearest enclosing note that names the item. */
const explain = (token: string, notes: Notes): string | undefined =>
  notes.own[0] ?? notes.inherited.findLast((n) => names(n, token));

/** A required flag belongs to the enclosing object: the item's own notes count only when they name it. */
const asRequired = (notes: Notes): Notes => ({ own: [], inherited: [...notes.inherited, ...notes.own] });

const show = (shape: Shape | undefined) =>
  shape === undefined || shape.types.size === 0
    ? "untyped"
    : [...shape.types].sort().join("|") +
      (shape.items && shape.items.types.size > 0 ? `<${[...shape.items.types].sort().join("|")}>` : "");

export interface Comparison {
  differences: Difference[];
  /** What the vendor's documents cannot confirm or refute (cut pages, undocumented parts). */
  unverifiable: string[];
}

export function compareModels(ours: Model, theirs: Model, unverifiable: string[] = []): Comparison {
  const differences: Difference[] = [];
  const add = (operation: string, where: string, what: string, token: string, notes: Notes) =>
    differences.push({ operation, where, what, explainedBy: explain(token, notes) });

  for (const key of new Set([...ours.operations.keys(), ...theirs.operations.keys()])) {
    const our = ours.operations.get(key);
    const their = theirs.operations.get(key);
    if (!their) {
      add(key, "operation", "in our spec only", key, { own: our!.notes, inherited: ours.notes });
      continue;
    }
    if (!our) {
      add(key, "operation", "in the vendor's document only", key, { own: [], inherited: ours.notes });
      continue;
    }
    compareOperation(key, our, their, add, unverifiable);
  }
  return { differences, unverifiable };
}

type Add = (operation: string, where: string, what: string, token: string, notes: Notes) => void;

function compareOperation(key: string, our: Operation, their: Operation, add: Add, unverifiable: string[]): void {
  const covers = their.covers;
  // Parameters
  for (const pkey of new Set([...our.params.keys(), ...their.params.keys()])) {
    const mine = our.params.get(pkey);
    const theirs = their.params.get(pkey);
    const where = `${(mine ?? theirs)!.in} parameter ${(mine ?? theirs)!.name}`;
    const notes = { own: mine?.notes ?? [], inherited: our.notes };
    if (!theirs) {
      if (mine!.in === "path") continue; // path parameters are matched by position: `{customer}` and `{id}` are one
      if (covers.params === true) add(key, where, "in our spec only", mine!.name, notes);
      else if (covers.params === "listed")
        unverifiable.push(`${key}: ${where} is past the end of the vendor's stored (cut) page`);
      continue;
    }
    if (!mine) {
      if (theirs.in !== "path") add(key, where, "in the vendor's document only", theirs.name, notes);
      continue;
    }
    if (covers.required && mine.required !== theirs.required) {
      add(key, where, `required: ours ${mine.required}, vendor ${theirs.required}`, mine.name, asRequired(notes));
    }
    if (theirs.shape && mine.shape)
      compareShapes(key, where, mine.name, mine.shape, theirs.shape, covers, { own: mine.notes, inherited: our.notes }, add, 0);
  }
  // Request body
  if (covers.body) {
    if (their.body && !our.body)
      add(key, "request body", "in the vendor's document only", "request body", { own: [], inherited: our.notes });
    else if (our.body && !their.body)
      add(key, "request body", "in our spec only", "request body", { own: our.body.notes, inherited: our.notes });
    else if (our.body && their.body) {
      compareShapes(
        key,
        "request body",
        "request body",
        our.body,
        their.body,
        covers,
        { own: our.body.notes, inherited: our.notes },
        add,
        0,
      );
    }
  }
  // Statuses and response fields
  for (const status of new Set([...our.responses.keys(), ...their.responses.keys()])) {
    const mine = our.responses.has(status);
    const theirs = their.responses.has(status);
    const notes = { own: our.responseNotes.get(status) ?? [], inherited: our.notes };
    if (covers.statuses) {
      if (mine && !theirs) add(key, `status ${status}`, "in our spec only", status, notes);
      if (!mine && theirs) add(key, `status ${status}`, "in the vendor's document only", status, notes);
    }
    const ourBody = our.responses.get(status);
    const theirBody = their.responses.get(status);
    if (covers.fields && ourBody && theirBody) {
      compareShapes(
        key,
        `${status} body`,
        "body",
        ourBody,
        theirBody,
        covers,
        { own: [...notes.own, ...ourBody.notes], inherited: our.notes },
        add,
        0,
      );
    } else if (covers.fields && theirBody && mine && !ourBody) {
      add(key, `${status} body`, "the vendor documents a JSON body, our spec none", status, notes);
    }
  }
}

function compareShapes(
  key: string,
  where: string,
  token: string,
  ours: Shape,
  theirs: Shape,
  covers: Operation["covers"],
  notes: Notes,
  add: Add,
  depth: number,
): void {
  if (depth > 10) return;
  const types = (s: Shape) => new Set([...s.types].filter((t) => covers.nullability || t !== "null"));
  const mine = types(ours);
  const their = types(theirs);
  if (mine.size > 0 && their.size > 0 && ([...mine].some((t) => !their.has(t)) || [...their].some((t) => !mine.has(t)))) {
    add(key, where, `type: ours ${[...mine].sort().join("|")}, vendor ${[...their].sort().join("|")}`, token, notes);
  }
  if ((ours.enum || theirs.enum) && their.size > 0) {
    const a = [...(ours.enum ?? [])].sort().join(", ");
    const b = [...(theirs.enum ?? [])].sort().join(", ");
    if (a !== b) add(key, where, `enum: ours [${a || "any"}], vendor [${b || "any"}]`, token, notes);
  }
  if (ours.items && theirs.items) {
    compareShapes(
      key,
      `${where}[]`,
      token,
      ours.items,
      theirs.items,
      covers,
      { own: [...notes.own, ...ours.items.notes], inherited: notes.inherited },
      add,
      depth + 1,
    );
  }
  // An object the vendor leaves without properties documents none: nothing to compare inside it.
  if (theirs.props.size === 0) return;
  const inherited = [...notes.inherited, ...notes.own];
  for (const name of new Set([...ours.props.keys(), ...theirs.props.keys()])) {
    const mineProp = ours.props.get(name);
    const theirProp = theirs.props.get(name);
    const at = `${where} › ${name}`;
    const propNotes = { own: mineProp?.notes ?? [], inherited };
    if (!theirProp) {
      add(key, at, "in our spec only", name, propNotes);
      continue;
    }
    if (!mineProp) {
      add(key, at, `in the vendor's document only (${show(theirProp)})`, name, propNotes);
      continue;
    }
    if (covers.required && ours.required.has(name) !== theirs.required.has(name)) {
      add(key, at, `required: ours ${ours.required.has(name)}, vendor ${theirs.required.has(name)}`, name, asRequired(propNotes));
    }
    compareShapes(key, at, name, mineProp, theirProp, covers, propNotes, add, depth + 1);
  }
}

export { operationKey };
