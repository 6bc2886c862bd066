/**
 * Which variables a walk of a selection depended on, so its result can be kept for requests that
 * agree on them: the cost estimate (server/limits/costCache.ts keys its figures by their values)
 * and the row shape (rowShape.ts keeps reads that depended on none). A variable counts when a
 * directive reads it (`@include(if: $deep)` decides what is walked) or when the walk reads an
 * argument whose value names it (`first: $n`). A variable only passed through to an argument the
 * walk ignores (`claim(id: $id)`) does not count.
 */
import type { FieldNode, ValueNode } from 'graphql';

/** Coerced variables or arguments (costModel's Args; declared here so the two do not import each other). */
type Args = Record<string, unknown>;

/** The variables object, noting each variable looked up in it. */
export function readingVariables(variables: Args, reads: Set<string>): Args {
  const note = (name: string | symbol) => typeof name === 'string' && reads.add(name);
  return new Proxy(variables, {
    get: (target, name, receiver) => (note(name), Reflect.get(target, name, receiver)),
    has: (target, name) => (note(name), Reflect.has(target, name)),
    getOwnPropertyDescriptor: (target, name) => (note(name), Reflect.getOwnPropertyDescriptor(target, name)),
    ownKeys: (target) => (Reflect.ownKeys(target).forEach(note), Reflect.ownKeys(target)),
  });
}

/** The variables named anywhere in an argument's value (`[$a, {x: $b}]`). */
export function variablesIn(value: ValueNode, into: Set<string>): void {
  if (value.kind === 'Variable') into.add(value.name.value);
  else if (value.kind === 'ListValue') value.values.forEach((v) => variablesIn(v, into));
  else if (value.kind === 'ObjectValue') value.fields.forEach((f) => variablesIn(f.value, into));
}

/** A field's coerced arguments, noting the variables behind each argument read. */
export function readingArgs(args: Args, node: FieldNode, reads: Set<string>): Args {
  const note = (name: string | symbol) => {
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (arg) variablesIn(arg.value, reads);
  };
  return new Proxy(args, {
    get: (target, name, receiver) => (note(name), Reflect.get(target, name, receiver)),
    has: (target, name) => (note(name), Reflect.has(target, name)),
    getOwnPropertyDescriptor: (target, name) => (note(name), Reflect.getOwnPropertyDescriptor(target, name)),
    ownKeys: (target) => (Reflect.ownKeys(target).forEach(note), Reflect.ownKeys(target)),
  });
}
