import { useTranslation } from 'react-i18next';

/** An instant in the reader's language and time zone, with the exact ISO value on hover. */
export function DateTime({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return <>{value}</>;
  }
  const text = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
  return (
    <time dateTime={value} title={value}>
      {text}
    </time>
  );
}
