"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

/**
 * A type="submit" Button that shows its spinner while the enclosing <form action={…}> is pending
 * (React 19 useFormStatus). Pass `loading` to force the state yourself (e.g. with useActionState's isPending).
 */
export function SubmitButton({ loading, ...props }: Omit<ButtonProps, "type" | "asChild">) {
  const { pending } = useFormStatus();
  return <Button type="submit" loading={loading || pending} {...props} />;
}
