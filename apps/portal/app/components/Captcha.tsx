import type { CaptchaChallenge } from "@ce/contracts";
import { getInputProps } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { type InputHTMLAttributes, useEffect, useState } from "react";
import { Field, inputClass, type StringField } from "./forms.tsx";

type CaptchaResponse = { challenge: CaptchaChallenge | null; message: string | null };

/**
 * The answer input, the captcha image and 换一张. `challenge` changes whenever the server hands
 * out a new one (e.g. after a failed attempt); clicking the image or 换一张 fetches another.
 * The captcha id travels in a hidden field; a new captcha clears the typed answer.
 */
export function Captcha({
  challenge,
  inputProps,
}: {
  challenge: CaptchaChallenge | null;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { key?: string | undefined };
}) {
  const fetcher = useFetcher<CaptchaResponse>();
  const [current, setCurrent] = useState(challenge);
  useEffect(() => setCurrent(challenge), [challenge]);
  useEffect(() => {
    if (fetcher.data?.challenge) setCurrent(fetcher.data.challenge);
  }, [fetcher.data]);

  const refresh = () => fetcher.load("/captcha");
  const failed = fetcher.state === "idle" && fetcher.data && !fetcher.data.challenge;
  const { key: _ignored, ...props } = inputProps;

  return (
    <div>
      {/* The answer box keeps room for its whole placeholder (请输入验证码): the image stands beside it with 换一张
          under the image, and on a narrow screen they wrap below the box. */}
      <div className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="captchaId" value={current?.captchaId ?? ""} />
        <input
          {...props}
          key={current?.captchaId ?? "none"}
          defaultValue=""
          autoComplete="off"
          inputMode="numeric"
          placeholder="请输入验证码"
          className={`${inputClass} min-w-[8.5rem] flex-1 basis-36`}
        />
        <div className="flex shrink-0 flex-col items-center">
          <button
            type="button"
            onClick={refresh}
            title="看不清？点击换一张"
            className="h-10 w-[7.5rem] overflow-hidden rounded border border-gray-300 bg-white"
          >
            {current ? (
              <img src={current.image} alt="验证码图片，点击换一张" className="h-full w-full object-contain" />
            ) : (
              <span className="text-xs text-gray-500">点击获取验证码</span>
            )}
          </button>
          <button type="button" onClick={refresh} className="text-xs text-blue-700 hover:underline">
            换一张
          </button>
        </div>
      </div>
      {failed ? (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {fetcher.data?.message}
        </p>
      ) : null}
    </div>
  );
}

/** The 验证码 row of a form; errors about the hidden captcha id show here too. */
export function CaptchaField({ challenge, answer, id }: { challenge: CaptchaChallenge | null; answer: StringField; id: StringField }) {
  return (
    <Field label="验证码" htmlFor={answer.id} errors={[...(answer.errors ?? []), ...(id.errors ?? [])]} errorId={answer.errorId}>
      <Captcha challenge={challenge} inputProps={getInputProps(answer, { type: "text" })} />
    </Field>
  );
}
