-- An email may come from a name other than MAIL_FROM's own (at its address): mail to a client comes
-- from the partnership's neutral name for the portal, so their inbox never says Concord.
ALTER TABLE "outbound_messages" ADD COLUMN "sender_name" text;