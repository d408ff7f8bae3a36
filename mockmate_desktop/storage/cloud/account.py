"""Signing this computer in to the user's Firebase account: shared by `mockmate account` and Settings."""

from __future__ import annotations

from .auth import SignedInUser, TokenFile
from .config import CloudConfigError
from .connect import auth_client, claim_data_folder, cloud_config
from .host import CloudHost


def sign_in_here(host: CloudHost, email: str, password: str, *, create: bool = False) -> SignedInUser:
    """Signs up or in, then makes the uid the owner of this data folder (refused if another account owns it)."""
    client = auth_client(host)
    user = client.sign_up(email, password) if create else client.sign_in(email, password)
    try:
        claim_data_folder(host, user.uid)
    except CloudConfigError:
        client.sign_out()
        raise
    return user


def sign_out_here(host: CloudHost) -> None:
    auth_client(host).sign_out()


def signed_in_user(host: CloudHost) -> SignedInUser | None:
    """The account this computer is signed in to for the configured project; never goes online."""
    config = cloud_config(host)
    user = TokenFile(host.paths.home).load()
    if user is None or not config.configured or user.project_id != config.project_id:
        return None
    return user
