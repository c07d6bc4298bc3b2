package org.waymark.android.shell

import android.security.keystore.KeyGenParameterSpec
import java.security.Key
import java.security.KeyStoreSpi
import java.security.Provider
import java.security.SecureRandom
import java.security.Security
import java.security.cert.Certificate
import java.security.spec.AlgorithmParameterSpec
import java.util.Collections
import java.util.Date
import java.util.Enumeration
import javax.crypto.KeyGeneratorSpi
import javax.crypto.SecretKey
import javax.crypto.spec.SecretKeySpec

/**
 * The "AndroidKeyStore" provider a phone has and the desktop JVM lacks: keys by alias, in memory,
 * made by `KeyGenerator.getInstance("AES", "AndroidKeyStore")` as KeyVault makes them. On a phone
 * the key never leaves secure hardware; here it is an ordinary AES key, which is all the shell's
 * own code can tell apart.
 */
class FakeAndroidKeyStore : Provider("AndroidKeyStore", "1.0", "in-memory AndroidKeyStore for JVM tests") {
    init {
        put("KeyStore.AndroidKeyStore", Store::class.java.name)
        put("KeyGenerator.AES", Generator::class.java.name)
    }

    /** The keys by alias; cleared between tests with a fresh app. */
    class Store : KeyStoreSpi() {
        override fun engineGetKey(alias: String, password: CharArray?): Key? = keys[alias]
        override fun engineGetCertificateChain(alias: String): Array<Certificate>? = null
        override fun engineGetCertificate(alias: String): Certificate? = null
        override fun engineGetCreationDate(alias: String): Date? = if (alias in keys) Date(0) else null
        override fun engineSetKeyEntry(alias: String, key: Key, password: CharArray?, chain: Array<out Certificate>?) {
            keys[alias] = key as SecretKey
        }
        override fun engineSetKeyEntry(alias: String, key: ByteArray, chain: Array<out Certificate>?) =
            throw UnsupportedOperationException("not used by the shell")
        override fun engineSetCertificateEntry(alias: String, cert: Certificate) =
            throw UnsupportedOperationException("not used by the shell")
        override fun engineDeleteEntry(alias: String) {
            keys.remove(alias)
        }
        override fun engineAliases(): Enumeration<String> = Collections.enumeration(keys.keys.toList())
        override fun engineContainsAlias(alias: String): Boolean = alias in keys
        override fun engineSize(): Int = keys.size
        override fun engineIsKeyEntry(alias: String): Boolean = alias in keys
        override fun engineIsCertificateEntry(alias: String): Boolean = false
        override fun engineGetCertificateAlias(cert: Certificate): String? = null
        override fun engineStore(stream: java.io.OutputStream?, password: CharArray?) = Unit
        override fun engineLoad(stream: java.io.InputStream?, password: CharArray?) = Unit
    }

    /** Makes an AES key and keeps it under the spec's alias, as the Keystore does. */
    class Generator : KeyGeneratorSpi() {
        private var spec: KeyGenParameterSpec? = null

        override fun engineInit(random: SecureRandom?) =
            throw UnsupportedOperationException("the Keystore needs a KeyGenParameterSpec")
        override fun engineInit(params: AlgorithmParameterSpec?, random: SecureRandom?) {
            spec = params as? KeyGenParameterSpec
                ?: throw java.security.InvalidAlgorithmParameterException("a KeyGenParameterSpec is needed")
        }
        override fun engineInit(keysize: Int, random: SecureRandom?) =
            throw UnsupportedOperationException("the Keystore needs a KeyGenParameterSpec")
        override fun engineGenerateKey(): SecretKey {
            val spec = spec ?: throw IllegalStateException("not initialised")
            val bytes = ByteArray(spec.keySize / 8).also { SecureRandom().nextBytes(it) }
            return SecretKeySpec(bytes, "AES").also { keys[spec.keystoreAlias] = it }
        }
    }

    companion object {
        private val keys = HashMap<String, SecretKey>()

        /** Puts the provider in place (once per JVM) and forgets every key. */
        fun install() {
            provide()
            keys.clear()
        }

        /** Puts the provider in place (once per JVM), keeping the keys it has. */
        fun provide() {
            if (Security.getProvider("AndroidKeyStore") == null) Security.addProvider(FakeAndroidKeyStore())
        }

        /** The aliases of the keys it holds. */
        fun aliases(): Set<String> = keys.keys.toSet()

        /** Loses every key, as when the Keystore's entries are gone (e.g. a lock screen reset). */
        fun loseKeys() = keys.clear()
    }
}
